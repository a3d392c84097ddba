<?php
/**
 * Settings → Privacy policy: upload a bundle (checked, refused with its
 * problems when the widget could not show it), see the bundles in the media
 * library with the shortcode for each, and choose the site's default.
 * Administrators only; every form carries a nonce.
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

const ADMIN_PAGE     = 'privacy-policy-widget';
const UPLOAD_ACTION  = 'privacy_policy_widget_upload';
const DEFAULT_ACTION = 'privacy_policy_widget_default';
const NOTICE_KEY     = 'privacy_policy_widget_notice_';
// Each form's nonce field has a name (and so an id) of its own: the screen has two forms.
const UPLOAD_NONCE  = 'privacy_policy_widget_upload_nonce';
const DEFAULT_NONCE = 'privacy_policy_widget_default_nonce';

function add_admin_page() {
	add_options_page(
		__( 'Privacy policy widget', 'privacy-policy-widget' ),
		__( 'Privacy policy', 'privacy-policy-widget' ),
		'manage_options',
		ADMIN_PAGE,
		__NAMESPACE__ . '\render_admin_page'
	);
}

/** The screen's result message, kept for the next page view (after the redirect). */
function leave_notice( $type, $message, array $details = array() ) {
	set_transient(
		NOTICE_KEY . get_current_user_id(),
		array(
			'type'    => $type,
			'message' => $message,
			'details' => $details,
		),
		MINUTE_IN_SECONDS * 5
	);
}

function back_to_admin_page() {
	wp_safe_redirect( admin_url( 'options-general.php?page=' . ADMIN_PAGE ) );
	exit;
}

/** The upload form's target (admin-post.php). */
function handle_upload() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to upload policy bundles.', 'privacy-policy-widget' ), 403 );
	}
	check_admin_referer( UPLOAD_ACTION, UPLOAD_NONCE );
	$file = isset( $_FILES['bundle'] ) ? $_FILES['bundle'] : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a file, checked below.
	if ( ! $file || UPLOAD_ERR_NO_FILE === $file['error'] ) {
		leave_notice( 'error', __( 'Choose a bundle file (.json) to upload.', 'privacy-policy-widget' ) );
		back_to_admin_page();
	}
	$name = sanitize_file_name( wp_unslash( $file['name'] ) );
	if ( UPLOAD_ERR_OK === $file['error'] ) {
		$problems = 'json' === strtolower( pathinfo( $name, PATHINFO_EXTENSION ) )
			? file_problems( $file['tmp_name'] )
			: array( __( 'a policy bundle is a .json file; make one from your policy with the studio or `policy-widget import`', 'privacy-policy-widget' ) );
		if ( $problems ) {
			/* translators: %s: the uploaded file's name. */
			leave_notice( 'error', sprintf( __( '%s was not added: the widget could not show it.', 'privacy-policy-widget' ), $name ), $problems );
			back_to_admin_page();
		}
	}
	$id = add_bundle( 'bundle' );
	if ( is_wp_error( $id ) ) {
		leave_notice( 'error', $id->get_error_message() );
	} else {
		/* translators: %s: the policy's title. */
		leave_notice( 'success', sprintf( __( '“%s” was added.', 'privacy-policy-widget' ), get_the_title( $id ) ) );
	}
	back_to_admin_page();
}

/** The "default policy" form's target. */
function handle_default() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change the default policy.', 'privacy-policy-widget' ), 403 );
	}
	check_admin_referer( DEFAULT_ACTION, DEFAULT_NONCE );
	$id = isset( $_POST['bundle'] ) ? absint( $_POST['bundle'] ) : 0;
	if ( BUNDLE_MIME === get_post_mime_type( $id ) ) {
		update_option( DEFAULT_OPTION, $id );
		/* translators: %s: the policy's title. */
		leave_notice( 'success', sprintf( __( '“%s” is now the default policy.', 'privacy-policy-widget' ), get_the_title( $id ) ) );
	} else {
		leave_notice( 'error', __( 'That bundle is no longer in the media library.', 'privacy-policy-widget' ) );
	}
	back_to_admin_page();
}

function render_notice() {
	$key    = NOTICE_KEY . get_current_user_id();
	$notice = get_transient( $key );
	if ( ! $notice ) {
		return;
	}
	delete_transient( $key );
	$class = 'success' === $notice['type'] ? 'notice-success' : 'notice-error';
	echo '<div class="notice ' . esc_attr( $class ) . '" role="' . ( 'success' === $notice['type'] ? 'status' : 'alert' ) . '"><p>' . esc_html( $notice['message'] ) . '</p>';
	if ( $notice['details'] ) {
		echo '<ul class="ul-disc">';
		foreach ( $notice['details'] as $detail ) {
			echo '<li><code>' . esc_html( $detail ) . '</code></li>';
		}
		echo '</ul>';
	}
	echo '</div>';
}

function render_admin_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$bundles = bundle_attachments();
	$default = (int) get_option( DEFAULT_OPTION, 0 );
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Privacy policy widget', 'privacy-policy-widget' ); ?></h1>
		<?php render_notice(); ?>

		<h2><?php esc_html_e( 'Upload a policy bundle', 'privacy-policy-widget' ); ?></h2>
		<p><?php esc_html_e( 'A bundle is your policy as a JSON file. Make it from the policy you have (a web page, a PDF or a Word file) with the policy studio, or with the command policy-widget import. It is checked before it is added.', 'privacy-policy-widget' ); ?></p>
		<form method="post" enctype="multipart/form-data" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="<?php echo esc_attr( UPLOAD_ACTION ); ?>">
			<?php wp_nonce_field( UPLOAD_ACTION, UPLOAD_NONCE ); ?>
			<p>
				<label for="privacy-policy-widget-bundle"><?php esc_html_e( 'Bundle file (.json)', 'privacy-policy-widget' ); ?></label><br>
				<input type="file" id="privacy-policy-widget-bundle" name="bundle" accept=".json,application/json" required>
			</p>
			<?php submit_button( __( 'Upload and check', 'privacy-policy-widget' ), 'primary', 'privacy-policy-widget-upload', false ); ?>
		</form>

		<h2><?php esc_html_e( 'Your policies', 'privacy-policy-widget' ); ?></h2>
		<?php if ( ! $bundles ) : ?>
			<p><?php esc_html_e( 'No bundle yet. Upload one above; the first becomes the default.', 'privacy-policy-widget' ); ?></p>
		<?php else : ?>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="<?php echo esc_attr( DEFAULT_ACTION ); ?>">
				<?php wp_nonce_field( DEFAULT_ACTION, DEFAULT_NONCE ); ?>
				<table class="widefat striped">
					<caption class="screen-reader-text"><?php esc_html_e( 'Policy bundles in the media library', 'privacy-policy-widget' ); ?></caption>
					<thead>
						<tr>
							<th scope="col"><?php esc_html_e( 'Default', 'privacy-policy-widget' ); ?></th>
							<th scope="col"><?php esc_html_e( 'Policy', 'privacy-policy-widget' ); ?></th>
							<th scope="col"><?php esc_html_e( 'Shortcode', 'privacy-policy-widget' ); ?></th>
						</tr>
					</thead>
					<tbody>
					<?php foreach ( $bundles as $bundle ) : ?>
						<?php $url = (string) wp_get_attachment_url( $bundle->ID ); ?>
						<tr>
							<td>
								<input type="radio" name="bundle" id="privacy-policy-widget-default-<?php echo esc_attr( $bundle->ID ); ?>" value="<?php echo esc_attr( $bundle->ID ); ?>" <?php checked( $default, $bundle->ID ); ?>>
							</td>
							<td>
								<label for="privacy-policy-widget-default-<?php echo esc_attr( $bundle->ID ); ?>"><?php echo esc_html( get_the_title( $bundle ) ); ?></label><br>
								<a href="<?php echo esc_url( $url ); ?>"><?php echo esc_html( wp_basename( $url ) ); ?></a>
							</td>
							<td><code><?php echo esc_html( '[' . SHORTCODE . ' src="' . wp_make_link_relative( $url ) . '"]' ); ?></code></td>
						</tr>
					<?php endforeach; ?>
					</tbody>
				</table>
				<?php submit_button( __( 'Make the chosen policy the default', 'privacy-policy-widget' ), 'secondary', 'privacy-policy-widget-make-default' ); ?>
			</form>
		<?php endif; ?>

		<h2><?php esc_html_e( 'Show it on a page', 'privacy-policy-widget' ); ?></h2>
		<p><?php esc_html_e( 'Add the "Privacy policy" block, or this shortcode, to any page; without src it shows the default policy:', 'privacy-policy-widget' ); ?></p>
		<p><code>[<?php echo esc_html( SHORTCODE ); ?>]</code> <code>[<?php echo esc_html( SHORTCODE ); ?> heading-level="2" hide="facts"]</code></p>
		<p><?php esc_html_e( 'Options, as the block\'s settings or the shortcode\'s attributes: src, heading-level (1 to 6), initial (collapsed, expanded, first), summary-position (start, end), hide and show (summary, facts, contacts, contents, glossary, front-matter, reading-time, search), accent, font, radius.', 'privacy-policy-widget' ); ?></p>
	</div>
	<?php
}
