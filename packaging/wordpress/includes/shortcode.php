<?php
/**
 * `[privacy_policy src="…" heading-level="2" hide="facts"]`: the element's
 * attributes, by the same names. A shortcode is text, so it survives for
 * every role, where a Custom HTML block is emptied for anyone without
 * `unfiltered_html`.
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const SHORTCODE = 'privacy_policy';

function register_shortcode() {
	add_shortcode( SHORTCODE, __NAMESPACE__ . '\shortcode' );
}

/**
 * @param array|string $atts As WordPress gives them: an empty string when none.
 */
function shortcode( $atts ) {
	$names    = array( 'src', 'heading-level', 'initial', 'summary-position', 'hide', 'show', 'accent', 'font', 'radius' );
	$defaults = array_fill_keys( $names, '' );
	// WordPress keeps an attribute with a hyphen in its name as written, lower-cased.
	return element( shortcode_atts( $defaults, is_array( $atts ) ? $atts : array(), SHORTCODE ) );
}
