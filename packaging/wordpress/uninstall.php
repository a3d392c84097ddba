<?php
/**
 * Removes the plugin's one setting. The bundles stay in the media library:
 * they are the site's content.
 *
 * @package PrivacyPolicyWidget
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'privacy_policy_widget_default' );
