<?php
/**
 * Runs the WordPress plugin's bundle check outside WordPress: for each file
 * named, its problems, as a JSON array of arrays. The plugin folder is the
 * first argument.
 */
define( 'ABSPATH', __DIR__ . '/' );
$plugin = $argv[1];
require $plugin . '/includes/bundle-check.php';
$schema  = json_decode( file_get_contents( $plugin . '/schema/policy-bundle.schema.json' ), true );
$results = array();
foreach ( array_slice( $argv, 2 ) as $file ) {
	$results[] = PrivacyPolicyWidget\bundle_problems( file_get_contents( $file ), $schema );
}
echo json_encode( $results ), "\n";
