<?php
/**
 * Policy bundles in the media library: `.json` uploads allowed to
 * administrators only, every one checked before WordPress keeps it, and the
 * site's default bundle (what a shortcode or block without `src` shows).
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const DEFAULT_OPTION = 'privacy_policy_widget_default';
const BUNDLE_MIME    = 'application/json';

/** Administrators may upload `.json` files; other roles still may not. */
function allow_json_uploads( $mimes ) {
	if ( current_user_can( 'manage_options' ) ) {
		$mimes['json'] = BUNDLE_MIME;
	}
	return $mimes;
}

/**
 * WordPress compares a file's extension with the type its content sniffs as;
 * a JSON file may sniff as `text/plain`. For an administrator's `.json`, the
 * check that matters is the bundle check (`refuse_invalid_bundle`).
 */
function json_file_type( $data, $file, $filename ) {
	if ( current_user_can( 'manage_options' ) && 'json' === strtolower( pathinfo( $filename, PATHINFO_EXTENSION ) ) ) {
		$data['ext']  = 'json';
		$data['type'] = BUNDLE_MIME;
	}
	return $data;
}

/**
 * Every `.json` upload (the media library, the REST API, the plugin's screen, a sideload) is
 * checked as a bundle; one the widget could not show is refused, with why.
 */
function refuse_invalid_bundle( $file ) {
	if ( 'json' !== strtolower( pathinfo( $file['name'], PATHINFO_EXTENSION ) ) || ! empty( $file['error'] ) ) {
		return $file;
	}
	$problems = file_problems( $file['tmp_name'] );
	if ( $problems ) {
		$file['error'] = problems_message( $file['name'], $problems );
	}
	return $file;
}

/** The problems of the bundle in a file (bundle-check.php). */
function file_problems( $path ) {
	$size = filesize( $path );
	if ( false === $size ) {
		return array( __( 'the file could not be read', 'privacy-policy-widget' ) );
	}
	if ( $size > MAX_BUNDLE_BYTES ) {
		return array( sprintf( 'the bundle is over the %d MB limit', MAX_BUNDLE_BYTES / ( 1024 * 1024 ) ) );
	}
	return bundle_problems( (string) file_get_contents( $path ), bundle_schema() );
}

/** The bundle format's JSON Schema, as shipped in the plugin. */
function bundle_schema() {
	static $schema = null;
	if ( null === $schema ) {
		$schema = json_decode( (string) file_get_contents( dirname( PLUGIN_FILE ) . '/schema/policy-bundle.schema.json' ), true );
	}
	return $schema;
}

/** One message for WordPress's upload error: the first few problems. */
function problems_message( $name, array $problems ) {
	$shown = array_slice( $problems, 0, 5 );
	$more  = count( $problems ) - count( $shown );
	/* translators: 1: file name, 2: the problems found, separated by semicolons. */
	$message = sprintf( __( '%1$s is not a policy bundle the widget can show: %2$s', 'privacy-policy-widget' ), $name, implode( '; ', $shown ) );
	if ( $more > 0 ) {
		/* translators: %d: how many more problems there are. */
		$message .= ' ' . sprintf( _n( '(and %d more problem)', '(and %d more problems)', $more, 'privacy-policy-widget' ), $more );
	}
	return $message;
}

/** The bundles in the media library, newest first. */
function bundle_attachments() {
	return get_posts(
		array(
			'post_type'      => 'attachment',
			'post_status'    => 'inherit',
			'post_mime_type' => BUNDLE_MIME,
			'posts_per_page' => 100,
			'orderby'        => 'date',
			'order'          => 'DESC',
		)
	);
}

/** The default bundle's address, or '' when none is chosen (or it was deleted). */
function default_bundle_url() {
	$id = (int) get_option( DEFAULT_OPTION, 0 );
	if ( ! $id || BUNDLE_MIME !== get_post_mime_type( $id ) ) {
		return '';
	}
	return (string) wp_get_attachment_url( $id );
}

/**
 * A bundle added to the media library, by any path, is titled with its
 * policy's title and publisher rather than its file name: that is how the
 * screens list it.
 */
function title_bundle( $id ) {
	if ( BUNDLE_MIME !== get_post_mime_type( $id ) ) {
		return;
	}
	$bundle    = json_decode( (string) file_get_contents( get_attached_file( $id ) ), true );
	$title     = isset( $bundle['meta']['title'] ) && is_string( $bundle['meta']['title'] ) ? sanitize_text_field( $bundle['meta']['title'] ) : '';
	$publisher = isset( $bundle['meta']['publisher']['name'] ) && is_string( $bundle['meta']['publisher']['name'] ) ? sanitize_text_field( $bundle['meta']['publisher']['name'] ) : '';
	// Many policies are titled just "Privacy Policy": the publisher tells them apart.
	if ( '' !== $publisher && false === stripos( $title, $publisher ) ) {
		$title = '' === $title ? $publisher : $title . ' – ' . $publisher;
	}
	if ( '' !== $title ) {
		wp_update_post(
			array(
				'ID'         => $id,
				'post_title' => $title,
			)
		);
	}
}

/**
 * Adds an uploaded bundle file to the media library (where it is checked,
 * `refuse_invalid_bundle`); the first one becomes the default.
 *
 * @param string $file_key The `$_FILES` key.
 * @return int|\WP_Error The attachment's id.
 */
function add_bundle( $file_key ) {
	require_once ABSPATH . 'wp-admin/includes/file.php';
	require_once ABSPATH . 'wp-admin/includes/media.php';
	require_once ABSPATH . 'wp-admin/includes/image.php';
	$id = media_handle_upload( $file_key, 0 );
	if ( ! is_wp_error( $id ) && '' === default_bundle_url() ) {
		update_option( DEFAULT_OPTION, $id );
	}
	return $id;
}
