<?php
/**
 * What a site's people do before a resident visits, through WordPress's own
 * functions (WP-CLI is not packaged here): the administrator installs the
 * plugin from its zip with WordPress's installer, activates it and uploads a
 * bundle; an Editor, without `unfiltered_html` (DISALLOW_UNFILTERED_HTML),
 * writes the pages. Prints what the test checks, as JSON.
 *
 * Usage: php setup.php SITE PLUGIN_ZIP BUNDLE INVALID_BUNDLE
 */
[ , $site, $zip, $bundle, $invalid ] = $argv;
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

$report = array();

wp_set_current_user( 1 );
$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
$result   = $upgrader->install( $zip );
if ( true !== $result ) {
	fwrite( STDERR, 'the plugin did not install: ' . print_r( $upgrader->skin->get_upgrade_messages(), true ) . "\n" );
	exit( 1 );
}
$plugin    = $upgrader->plugin_info();
$activated = activate_plugin( $plugin );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'the plugin did not activate: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
$report['plugin'] = $plugin;

/** A sideload of a copy of `$path` as the current user: the attachment's id, or the error's message. */
function sideload( $path ) {
	$copy = wp_tempnam( basename( $path ) );
	copy( $path, $copy );
	$id = media_handle_sideload(
		array(
			'name'     => basename( $path ),
			'tmp_name' => $copy,
		),
		0
	);
	return is_wp_error( $id ) ? $id->get_error_message() : $id;
}

// The administrator's media library upload: the bundle, then one the widget could not show.
$bundle_id = sideload( $bundle );
if ( ! is_int( $bundle_id ) ) {
	fwrite( STDERR, "the bundle was refused: $bundle_id\n" );
	exit( 1 );
}
update_option( 'privacy_policy_widget_default', $bundle_id );
$report['bundleUrl']      = wp_make_link_relative( wp_get_attachment_url( $bundle_id ) );
$report['invalidByAdmin'] = sideload( $invalid );

$editor_id = wp_insert_user(
	array(
		'user_login' => 'editor',
		'user_pass'  => 'editor-password',
		'user_email' => 'editor@example.org',
		'role'       => 'editor',
	)
);
wp_set_current_user( $editor_id );
$report['editorHasUnfilteredHtml'] = current_user_can( 'unfiltered_html' );
$report['bundleByEditor']          = sideload( $bundle );

$pages = array(
	'shortcode'  => '<!-- wp:shortcode -->[privacy_policy src="' . $report['bundleUrl'] . '" heading-level="2" initial="first"]<!-- /wp:shortcode -->',
	'block'      => '<!-- wp:privacy-policy-widget/policy {"headingLevel":2,"hide":"facts"} /-->',
	'customHtml' => '<!-- wp:html --><script type="module" src="/wp-content/plugins/privacy-policy-widget/widget/policy-widget.js"></script><privacy-policy src="' . $report['bundleUrl'] . '"></privacy-policy><!-- /wp:html -->',
	'plain'      => '<!-- wp:paragraph --><p>Trash pickup is on Tuesdays.</p><!-- /wp:paragraph -->',
);
foreach ( $pages as $name => $content ) {
	$id = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => ucfirst( $name ),
			'post_content' => wp_slash( $content ),
		),
		true
	);
	$report['pages'][ $name ] = array(
		'path'   => wp_make_link_relative( get_permalink( $id ) ),
		'stored' => get_post_field( 'post_content', $id, 'raw' ),
	);
}
echo wp_json_encode( $report ), "\n";
