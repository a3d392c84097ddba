<?php
/**
 * The `<privacy-policy>` element, as the shortcode and the block print it, and
 * the widget's script, enqueued only on the pages that print it.
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const SCRIPT_HANDLE = 'privacy-policy-widget';

/** The panels `hide` and `show` may name (docs/embedding.md). */
const PANELS = array( 'summary', 'facts', 'contacts', 'contents', 'glossary', 'front-matter', 'reading-time', 'search' );

/** Registers the widget's script; it loads where an element is printed. */
function register_script() {
	wp_register_script( SCRIPT_HANDLE, plugins_url( 'widget/policy-widget.js', PLUGIN_FILE ), array(), PLUGIN_VERSION, true );
}

/**
 * The widget's script is an ES module (it finds its wasm beside itself through
 * `import.meta.url`). WordPress 6.1 prints classic scripts only, so its tag
 * gets `type="module"` here.
 */
function module_script_tag( $tag, $handle ) {
	if ( SCRIPT_HANDLE !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
	return str_replace( '<script ', '<script type="module" ', $tag );
}

/**
 * The element's attributes from the shortcode's or the block's options, each
 * kept only when it is a value the widget accepts.
 *
 * @param array $options `src`, `heading-level`, `initial`, `summary-position`,
 *                       `hide`, `show`, `accent`, `font`, `radius`.
 * @return array<string,string>
 */
function element_attributes( array $options ) {
	$attributes = array();
	$src        = isset( $options['src'] ) ? trim( (string) $options['src'] ) : '';
	$src        = '' === $src ? default_bundle_url() : esc_url_raw( $src, array( 'http', 'https' ) );
	if ( '' !== $src ) {
		$attributes['src'] = $src;
	}
	$level = isset( $options['heading-level'] ) ? absint( $options['heading-level'] ) : 0;
	if ( $level >= 1 && $level <= 6 ) {
		$attributes['heading-level'] = (string) $level;
	}
	$choices = array(
		'initial'          => array( 'collapsed', 'expanded', 'first' ),
		'summary-position' => array( 'start', 'end' ),
	);
	foreach ( $choices as $name => $allowed ) {
		if ( isset( $options[ $name ] ) && in_array( $options[ $name ], $allowed, true ) ) {
			$attributes[ $name ] = $options[ $name ];
		}
	}
	foreach ( array( 'hide', 'show' ) as $name ) {
		$panels = isset( $options[ $name ] ) ? array_map( 'trim', explode( ',', strtolower( (string) $options[ $name ] ) ) ) : array();
		$panels = array_values( array_intersect( $panels, PANELS ) );
		if ( $panels ) {
			$attributes[ $name ] = implode( ',', $panels );
		}
	}
	if ( isset( $options['accent'] ) && sanitize_hex_color( $options['accent'] ) ) {
		$attributes['accent'] = sanitize_hex_color( $options['accent'] );
	}
	if ( isset( $options['font'] ) && preg_match( '/^(?=.*\S)[\p{L}\p{N} ,\'"-]{1,200}$/u', $options['font'] ) ) {
		$attributes['font'] = $options['font'];
	}
	if ( isset( $options['radius'] ) && preg_match( '/^\d{1,3}(\.\d+)?(px|rem|em)$/', $options['radius'] ) ) {
		$attributes['radius'] = $options['radius'];
	}
	return $attributes;
}

/**
 * The element, and its script enqueued for this page. Without a bundle to
 * show, a sentence says so (never an empty box), with the way to fix it for
 * those who can.
 */
function element( array $options ) {
	$attributes = element_attributes( $options );
	if ( ! isset( $attributes['src'] ) ) {
		$text = esc_html__( 'The privacy policy is not available here yet.', 'privacy-policy-widget' );
		if ( current_user_can( 'manage_options' ) ) {
			$text .= ' <a href="' . esc_url( admin_url( 'options-general.php?page=' . ADMIN_PAGE ) ) . '">'
				. esc_html__( 'Upload its bundle, or choose the default policy.', 'privacy-policy-widget' ) . '</a>';
		}
		return '<p class="privacy-policy-widget-missing">' . $text . '</p>';
	}
	wp_enqueue_script( SCRIPT_HANDLE );
	$html = '<privacy-policy';
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '></privacy-policy>';
}
