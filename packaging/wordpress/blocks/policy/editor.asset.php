<?php
/**
 * The block editor's scripts that editor.js uses (it is written for them as
 * they are, with no build step).
 *
 * @package PrivacyPolicyWidget
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '{{version}}',
);
