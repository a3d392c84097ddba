<?php
/**
 * The "Privacy policy" block: dynamic, so the page stores only its options
 * (in the block's comment, which no role's filter removes) and the element is
 * printed when the page is shown, like the shortcode's.
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const BLOCK = 'privacy-policy-widget/policy';

function register_block() {
	register_block_type( dirname( PLUGIN_FILE ) . '/blocks/policy', array( 'render_callback' => __NAMESPACE__ . '\render_block' ) );
}

/** The block's attributes are the element's, in camelCase. */
function render_block( array $attributes ) {
	$options = array();
	foreach ( $attributes as $name => $value ) {
		$options[ strtolower( preg_replace( '/([A-Z])/', '-$1', $name ) ) ] = $value;
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . element( $options ) . '</div>';
}

/** The editor's list of uploaded bundles, for the block's "Policy" menu. */
function block_editor_data() {
	$bundles = array();
	foreach ( bundle_attachments() as $attachment ) {
		$bundles[] = array(
			'title' => get_the_title( $attachment ),
			'url'   => wp_get_attachment_url( $attachment->ID ),
		);
	}
	$data = array(
		'bundles'    => $bundles,
		'hasDefault' => '' !== default_bundle_url(),
	);
	wp_add_inline_script( 'privacy-policy-widget-policy-editor-script', 'window.privacyPolicyWidgetEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}
