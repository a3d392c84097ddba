<?php
/**
 * Installs WordPress into the scratch site (site.mjs): its tables in the
 * scratch database, an administrator. Run with php-cli: `php install.php SITE`.
 */
define( 'WP_INSTALLING', true );
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter( 'pre_wp_mail', '__return_true' ); // No mail is sent from here.
wp_install( 'Town of Example', 'admin', 'admin@example.org', true, '', 'admin-password' );
