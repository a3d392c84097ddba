<?php
/**
 * Plugin Name:       Privacy Policy Widget
 * Plugin URI:        https://github.com/municipal-privacy/policy-widget
 * Description:       Shows your privacy policy as a searchable, accessible document with a quick summary. Upload the policy's bundle under Settings → Privacy policy, then add the Privacy policy block or the [privacy_policy] shortcode.
 * Version:           {{version}}
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The privacy-policy-widget contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       privacy-policy-widget
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const PLUGIN_VERSION = '{{version}}';
const PLUGIN_FILE    = __FILE__;

require_once __DIR__ . '/includes/bundle-check.php';
require_once __DIR__ . '/includes/bundles.php';
require_once __DIR__ . '/includes/element.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/admin.php';

add_action( 'init', __NAMESPACE__ . '\register_script' );
add_action( 'init', __NAMESPACE__ . '\register_shortcode' );
add_action( 'init', __NAMESPACE__ . '\register_block' );
add_filter( 'script_loader_tag', __NAMESPACE__ . '\module_script_tag', 10, 2 );
add_filter( 'upload_mimes', __NAMESPACE__ . '\allow_json_uploads' );
add_filter( 'wp_check_filetype_and_ext', __NAMESPACE__ . '\json_file_type', 10, 3 );
add_filter( 'wp_handle_upload_prefilter', __NAMESPACE__ . '\refuse_invalid_bundle' );
add_filter( 'wp_handle_sideload_prefilter', __NAMESPACE__ . '\refuse_invalid_bundle' );
add_action( 'add_attachment', __NAMESPACE__ . '\title_bundle' );
add_action( 'enqueue_block_editor_assets', __NAMESPACE__ . '\block_editor_data' );
add_action( 'admin_menu', __NAMESPACE__ . '\add_admin_page' );
add_action( 'admin_post_' . UPLOAD_ACTION, __NAMESPACE__ . '\handle_upload' );
add_action( 'admin_post_' . DEFAULT_ACTION, __NAMESPACE__ . '\handle_default' );
