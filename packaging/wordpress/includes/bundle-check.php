<?php
/**
 * Checks a policy bundle before the site uses it: the same rules, and the same
 * messages, as `policy-widget validate` and the widget itself.
 *
 * The structure is checked against the bundle format's JSON Schema, shipped in
 * the plugin (schema/), so a new optional field needs no change here. Then the
 * rules a schema cannot say: ids, references, dates, links, theme values.
 * Plain PHP, no WordPress functions: the tests run it beside the Rust validator.
 *
 * @package PrivacyPolicyWidget
 */

namespace PrivacyPolicyWidget;

defined( 'ABSPATH' ) || exit;

/** The only format this version of the widget reads. */
const BUNDLE_FORMAT = 'policy-bundle/1';

/** The widget refuses a bundle larger than this (src/bundle/load.rs). */
const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;

/**
 * Every problem with a bundle's text, each as "path: message"; empty when the
 * widget would show it.
 *
 * @param string $json   The bundle's text.
 * @param array  $schema The bundle format's JSON Schema, decoded to arrays.
 * @return string[]
 */
function bundle_problems( $json, array $schema ) {
	if ( strlen( $json ) > MAX_BUNDLE_BYTES ) {
		return array( sprintf( 'the bundle is over the %d MB limit', MAX_BUNDLE_BYTES / ( 1024 * 1024 ) ) );
	}
	if ( '' === trim( $json ) ) {
		return array( 'the bundle is empty' );
	}
	$bundle = json_decode( $json, true, 512, JSON_BIGINT_AS_STRING );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		return array( 'not valid JSON: ' . json_last_error_msg() );
	}
	if ( ! is_array( $bundle ) || '{' !== ltrim( $json )[0] ) {
		return array( 'the bundle must be a JSON object' );
	}
	$format = isset( $bundle['format'] ) ? $bundle['format'] : null;
	if ( ! is_string( $format ) ) {
		return array( 'format: missing; this widget reads "' . BUNDLE_FORMAT . '"' );
	}
	if ( BUNDLE_FORMAT !== $format ) {
		return array( sprintf( 'format: unsupported format "%s"; this widget reads "%s"', $format, BUNDLE_FORMAT ) );
	}
	$problems = array();
	schema_problems( $bundle, $schema, '', $schema, $problems );
	if ( $problems ) {
		return $problems;
	}
	return rule_problems( $bundle );
}

/** Whether an array decoded from JSON was a JSON array (PHP 8.1 has array_is_list). */
function array_is_list_compat( array $value ) {
	return array_keys( $value ) === range( 0, count( $value ) - 1 );
}

/**
 * The JSON Schema keywords the bundle's schema uses: $ref, type, const, enum,
 * properties, required, items, oneOf, anyOf, format (date), minimum, maximum.
 * Objects and arrays both decode to PHP arrays; `type` tells them apart.
 */
function schema_problems( $value, array $node, $path, array $root, array &$problems ) {
	$here = '' === $path ? '(the bundle)' : $path;
	if ( isset( $node['$ref'] ) ) {
		$name = substr( $node['$ref'], strlen( '#/$defs/' ) );
		schema_problems( $value, $root['$defs'][ $name ], $path, $root, $problems );
	}
	if ( isset( $node['type'] ) && ! matches_type( $value, (array) $node['type'] ) ) {
		$problems[] = sprintf( '%s: expected %s, found %s', $here, implode( ' or ', (array) $node['type'] ), json_type( $value ) );
		return;
	}
	if ( array_key_exists( 'const', $node ) && $value !== $node['const'] ) {
		$problems[] = sprintf( '%s: expected "%s"', $here, $node['const'] );
		return;
	}
	if ( isset( $node['enum'] ) && ! in_array( $value, $node['enum'], true ) ) {
		$problems[] = sprintf( '%s: unknown value "%s", expected one of %s', $here, is_scalar( $value ) ? $value : json_type( $value ), implode( ', ', $node['enum'] ) );
		return;
	}
	foreach ( array( 'oneOf', 'anyOf' ) as $keyword ) {
		if ( isset( $node[ $keyword ] ) ) {
			alternative_problems( $value, $node[ $keyword ], $path, $root, $problems );
		}
	}
	if ( isset( $node['minimum'] ) && is_numeric( $value ) && $value < $node['minimum'] ) {
		$problems[] = sprintf( '%s: %s is below the minimum, %s', $here, $value, $node['minimum'] );
	}
	if ( isset( $node['maximum'] ) && is_numeric( $value ) && $value > $node['maximum'] ) {
		$problems[] = sprintf( '%s: %s is above the maximum, %s', $here, $value, $node['maximum'] );
	}
	if ( is_array( $value ) && isset( $node['required'] ) ) {
		foreach ( $node['required'] as $field ) {
			if ( ! array_key_exists( $field, $value ) ) {
				$problems[] = sprintf( '%s: missing field `%s`', $here, $field );
			}
		}
	}
	if ( is_array( $value ) && isset( $node['properties'] ) ) {
		foreach ( $node['properties'] as $field => $property ) {
			if ( array_key_exists( $field, $value ) ) {
				schema_problems( $value[ $field ], $property, ( '' === $path ? '' : $path . '.' ) . $field, $root, $problems );
			}
		}
	}
	if ( is_array( $value ) && isset( $node['items'] ) ) {
		foreach ( $value as $i => $item ) {
			schema_problems( $item, $node['items'], $path . '[' . $i . ']', $root, $problems );
		}
	}
}

/**
 * `oneOf`/`anyOf`: a block names its kind in `type`, an enumeration is one of
 * several constants. The branch whose constant the value carries is the one
 * its problems are told against; otherwise the value must fit one branch.
 */
function alternative_problems( $value, array $branches, $path, array $root, array &$problems ) {
	foreach ( $branches as $branch ) {
		$tag = isset( $branch['properties']['type']['const'] ) ? $branch['properties']['type']['const'] : null;
		if ( null !== $tag && is_array( $value ) && isset( $value['type'] ) && $value['type'] === $tag ) {
			schema_problems( $value, $branch, $path, $root, $problems );
			return;
		}
	}
	$expected = array();
	foreach ( $branches as $branch ) {
		$attempt = array();
		schema_problems( $value, $branch, $path, $root, $attempt );
		if ( ! $attempt ) {
			return;
		}
		$expected = array_merge( $expected, branch_names( $branch, $root ) );
	}
	$here    = '' === $path ? '(the bundle)' : $path;
	$found   = is_array( $value ) && isset( $value['type'] ) ? $value['type'] : ( is_scalar( $value ) ? $value : json_type( $value ) );
	$problems[] = sprintf( '%s: unknown value "%s", expected one of %s', $here, $found, implode( ', ', $expected ) );
}

/** The values a branch accepts, named for a message. */
function branch_names( array $branch, array $root ) {
	if ( isset( $branch['$ref'] ) && ! isset( $branch['properties'] ) ) {
		$name = substr( $branch['$ref'], strlen( '#/$defs/' ) );
		return branch_names( $root['$defs'][ $name ], $root );
	}
	if ( isset( $branch['properties']['type']['const'] ) ) {
		return array( $branch['properties']['type']['const'] );
	}
	if ( array_key_exists( 'const', $branch ) ) {
		return array( (string) $branch['const'] );
	}
	if ( isset( $branch['enum'] ) ) {
		return array_map( 'strval', $branch['enum'] );
	}
	return (array) ( isset( $branch['type'] ) ? $branch['type'] : 'another shape' );
}

function matches_type( $value, array $types ) {
	foreach ( $types as $type ) {
		$fits = ( 'string' === $type && is_string( $value ) )
			|| ( 'boolean' === $type && is_bool( $value ) )
			|| ( 'null' === $type && null === $value )
			|| ( 'integer' === $type && is_int( $value ) )
			|| ( 'number' === $type && ( is_int( $value ) || is_float( $value ) ) )
			|| ( 'array' === $type && is_array( $value ) && array_is_list_compat( $value ) )
			|| ( 'object' === $type && is_array( $value ) && ( array() === $value || ! array_is_list_compat( $value ) ) );
		if ( $fits ) {
			return true;
		}
	}
	return false;
}

function json_type( $value ) {
	if ( null === $value ) {
		return 'null';
	}
	if ( is_bool( $value ) ) {
		return 'a boolean';
	}
	if ( is_int( $value ) || is_float( $value ) ) {
		return 'a number';
	}
	if ( is_string( $value ) ) {
		return 'a string';
	}
	return array_is_list_compat( $value ) && array() !== $value ? 'an array' : 'an object';
}

/**
 * The rules beyond the types (src/bundle/validate.rs): each id valid and
 * unique, each reference to a section resolving, dates, language, addresses,
 * link targets, heading level and theme values.
 */
function rule_problems( array $bundle ) {
	$problems = array();
	$meta     = $bundle['meta'];
	if ( '' === trim( $meta['title'] ) ) {
		$problems[] = 'meta.title: must not be empty';
	}
	if ( '' === trim( $meta['publisher']['name'] ) ) {
		$problems[] = 'meta.publisher.name: must not be empty';
	}
	foreach ( array( 'effective_date', 'updated_date' ) as $field ) {
		if ( isset( $meta[ $field ] ) && ! is_date( $meta[ $field ] ) ) {
			$problems[] = sprintf( 'meta.%s: "%s" is not a date as YYYY-MM-DD', $field, $meta[ $field ] );
		}
	}
	$language = isset( $meta['language'] ) ? $meta['language'] : 'en';
	if ( ! preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/', $language ) ) {
		$problems[] = sprintf( 'meta.language: "%s" is not a language tag such as "en" or "es-US"', $language );
	}
	$urls = array(
		'meta.canonical_url'     => isset( $meta['canonical_url'] ) ? $meta['canonical_url'] : null,
		'meta.publisher.website' => isset( $meta['publisher']['website'] ) ? $meta['publisher']['website'] : null,
	);
	foreach ( $urls as $path => $url ) {
		if ( null !== $url && ! is_web_url( $url ) ) {
			$problems[] = sprintf( '%s: "%s" is not an http or https address', $path, $url );
		}
	}

	if ( ! $bundle['sections'] ) {
		$problems[] = 'sections: a policy needs at least one section';
	}
	$ids = array();
	section_problems( $bundle['sections'], '', $ids, $problems );

	$resolves = function ( $list, $i, $section ) use ( $ids, &$problems ) {
		if ( ! isset( $ids[ (string) $section ] ) ) {
			$problems[] = sprintf( '%s[%d].section: no section has id "%s"', $list, $i, $section );
		}
	};
	foreach ( isset( $bundle['summary'] ) ? $bundle['summary'] : array() as $i => $point ) {
		$resolves( 'summary', $i, $point['section'] );
	}
	foreach ( isset( $bundle['facts'] ) ? $bundle['facts'] : array() as $i => $fact ) {
		$resolves( 'facts', $i, $fact['section'] );
		$answer = isset( $fact['answer'] ) ? $fact['answer'] : null;
		$fits   = 'cookies' === $fact['kind'] ? array( 'none', 'session', 'persistent' ) : array( 'yes', 'no' );
		if ( null !== $answer && ! in_array( $answer, $fits, true ) ) {
			$problems[] = sprintf( 'facts[%d].answer: "%s" is not an answer for %s', $i, $answer, $fact['kind'] );
		}
	}
	foreach ( isset( $bundle['definitions'] ) ? $bundle['definitions'] : array() as $i => $definition ) {
		if ( '' === trim( $definition['term'] ) ) {
			$problems[] = sprintf( 'definitions[%d].term: must not be empty', $i );
		}
		if ( isset( $definition['section'] ) ) {
			$resolves( 'definitions', $i, $definition['section'] );
		}
	}
	foreach ( isset( $bundle['contacts'] ) ? $bundle['contacts'] : array() as $i => $contact ) {
		if ( isset( $contact['email'] ) && ! is_email( $contact['email'] ) ) {
			$problems[] = sprintf( 'contacts[%d].email: "%s" is not an email address', $i, $contact['email'] );
		}
		if ( isset( $contact['url'] ) && ! is_web_url( $contact['url'] ) ) {
			$problems[] = sprintf( 'contacts[%d].url: "%s" is not an http or https address', $i, $contact['url'] );
		}
		if ( isset( $contact['phone'] ) && ( preg_match_all( '/\d/', $contact['phone'] ) < 3 || ! preg_match( '/^[\d +\-().x]+$/', $contact['phone'] ) ) ) {
			$problems[] = sprintf( 'contacts[%d].phone: "%s" is not a phone number', $i, $contact['phone'] );
		}
		if ( isset( $contact['section'] ) ) {
			$resolves( 'contacts', $i, $contact['section'] );
		}
	}

	foreach ( isset( $bundle['history'] ) ? $bundle['history'] : array() as $i => $version ) {
		if ( ! is_date( $version['date'] ) ) {
			$problems[] = sprintf( 'history[%d].date: "%s" is not a date as YYYY-MM-DD', $i, $version['date'] );
		}
		if ( isset( $version['url'] ) && ! is_web_url( $version['url'] ) ) {
			$problems[] = sprintf( 'history[%d].url: "%s" is not an http or https address', $i, $version['url'] );
		}
	}
	if ( isset( $bundle['changes'] ) ) {
		if ( ! is_date( $bundle['changes']['since'] ) ) {
			$problems[] = sprintf( 'changes.since: "%s" is not a date as YYYY-MM-DD', $bundle['changes']['since'] );
		}
		// A removed section's id is the previous version's: it names no section here.
		foreach ( isset( $bundle['changes']['sections'] ) ? $bundle['changes']['sections'] : array() as $i => $change ) {
			if ( 'removed' !== $change['change'] ) {
				$resolves( 'changes.sections', $i, $change['section'] );
			}
			foreach ( isset( $change['texts'] ) ? $change['texts'] : array() as $j => $text ) {
				$wrong = marks_problem( $text );
				if ( null !== $wrong ) {
					$problems[] = sprintf( 'changes.sections[%d].texts[%d]: %s', $i, $j, $wrong );
				}
			}
		}
	}

	each_text(
		$bundle,
		'',
		function ( $path, $text ) use ( $ids, &$problems ) {
			foreach ( link_targets( $text ) as $target ) {
				$trimmed = trim( $target, " \u{a0}" );
				if ( '#' === substr( $trimmed, 0, 1 ) && is_id( substr( $trimmed, 1 ) ) ) {
					if ( ! isset( $ids[ substr( $trimmed, 1 ) ] ) ) {
						$problems[] = sprintf( '%s: link to "%s" but no section has that id', $path, $trimmed );
					}
				} elseif ( ! preg_match( '/^(https?|mailto|tel):[^\s\x00-\x1f\x7f]+$/i', $trimmed ) ) {
					$problems[] = sprintf( '%s: link target "%s" is not allowed (only https, http, mailto, tel or #section-id)', $path, $target );
				}
			}
		}
	);

	$config = isset( $bundle['config'] ) ? $bundle['config'] : array();
	if ( isset( $config['heading_level'] ) && ( $config['heading_level'] < 1 || $config['heading_level'] > 6 ) ) {
		$problems[] = sprintf( 'config.heading_level: %d is not a heading level from 1 to 6', $config['heading_level'] );
	}
	$theme = isset( $config['theme'] ) ? $config['theme'] : array();
	$rules = array(
		'accent' => array( '/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/', 'is not a colour as #rgb or #rrggbb' ),
		'font'   => array( '/^(?=.*\S)[\p{L}\p{N} ,\'"-]{1,200}$/u', 'is not a font-family list (letters, digits, spaces, quotes, commas, hyphens)' ),
		'radius' => array( '/^(0*\d{1,2}(\.\d+)?|0*\d{0,2}\.\d+|0*100(\.0+)?)(px|rem|em)$/', 'is not a length such as 4px or 0.25rem' ),
	);
	foreach ( $rules as $field => $rule ) {
		if ( isset( $theme[ $field ] ) && ! preg_match( $rule[0], $theme[ $field ] ) ) {
			$problems[] = sprintf( 'config.theme.%s: "%s" %s', $field, $theme[ $field ], $rule[1] );
		}
	}
	return $problems;
}

/** Section ids: valid, unique across the tree; tables' rows as wide as the table. */
function section_problems( array $sections, $prefix, array &$ids, array &$problems ) {
	foreach ( $sections as $i => $section ) {
		$path = $prefix . 'sections[' . $i . ']';
		if ( ! is_id( $section['id'] ) ) {
			$problems[] = sprintf( '%s.id: "%s" is not a valid id (lower-case letters, digits and hyphens, starting with a letter)', $path, $section['id'] );
		} elseif ( isset( $ids[ $section['id'] ] ) ) {
			$problems[] = sprintf( '%s.id: duplicate id "%s"', $path, $section['id'] );
		} else {
			$ids[ $section['id'] ] = true;
		}
		if ( '' === trim( $section['title'] ) ) {
			$problems[] = $path . '.title: must not be empty';
		}
		foreach ( isset( $section['blocks'] ) ? $section['blocks'] : array() as $j => $block ) {
			if ( 'table' !== $block['type'] ) {
				continue;
			}
			$rows  = isset( $block['rows'] ) ? $block['rows'] : array();
			$width = max( count( isset( $block['header'] ) ? $block['header'] : array() ), $rows ? count( $rows[0] ) : 0 );
			foreach ( $rows as $r => $row ) {
				if ( count( $row ) !== $width ) {
					$problems[] = sprintf( '%s.blocks[%d].rows[%d]: has %d cells where the table has %d', $path, $j, $r, count( $row ), $width );
					break;
				}
			}
		}
		section_problems( isset( $section['sections'] ) ? $section['sections'] : array(), $path . '.', $ids, $problems );
	}
}

/**
 * What is wrong with a changed text's marks (`[-deleted-]`, `{+inserted+}`,
 * `\` escaping the next character), or null: the widget's `bundle::marked`.
 */
function marks_problem( $text ) {
	$open = null;
	$run  = 0;
	$n    = strlen( $text );
	for ( $i = 0; $i < $n; $i++ ) {
		$ch   = $text[ $i ];
		$next = $i + 1 < $n ? $text[ $i + 1 ] : null;
		if ( '\\' === $ch ) {
			if ( null === $next ) {
				return 'ends with a lone \\';
			}
			++$i;
			++$run;
		} elseif ( null === $open && ( ( '[' === $ch && '-' === $next ) || ( '{' === $ch && '+' === $next ) ) ) {
			$open = $ch;
			$run  = 0;
			++$i;
		} elseif ( ( '[' === $open && '-' === $ch && ']' === $next ) || ( '{' === $open && '+' === $ch && '}' === $next ) ) {
			if ( 0 === $run ) {
				return 'has an empty mark';
			}
			$open = null;
			$run  = 0;
			++$i;
		} elseif ( false !== strpos( '[]{}', $ch ) ) {
			return 'has a bracket that is neither a mark nor escaped';
		} else {
			++$run;
		}
	}
	return null === $open ? null : 'has a mark that is not closed';
}

/** Calls `$visit( $path, $text )` for every string in the bundle but the settings. */
function each_text( $value, $path, callable $visit ) {
	if ( is_string( $value ) ) {
		$visit( $path, $value );
	} elseif ( is_array( $value ) ) {
		foreach ( $value as $key => $item ) {
			// Settings, and the plain text of earlier versions, hold no inline links.
			if ( '' === $path && in_array( $key, array( 'format', 'config', 'history', 'changes' ), true ) ) {
				continue;
			}
			$child = is_int( $key ) ? $path . '[' . $key . ']' : ( '' === $path ? $key : $path . '.' . $key );
			each_text( $item, $child, $visit );
		}
	}
}

/**
 * The targets of a text's `[text](target)` links. Stricter than the widget's
 * reader, which skips code spans and escaped brackets: a target this finds
 * in code is checked too.
 */
function link_targets( $text ) {
	if ( false === strpos( $text, '](' ) ) {
		return array();
	}
	preg_match_all( '/\]\(([^()]*(?:\([^()]*\)[^()]*)*)\)/', $text, $found );
	return $found[1];
}

/** Lower-case letters, digits and single hyphens, from a letter, at most 80 (src/bundle/names.rs). */
function is_id( $id ) {
	return is_string( $id ) && strlen( $id ) <= 80 && (bool) preg_match( '/^[a-z](-?[a-z0-9])*$/', $id );
}

function is_email( $address ) {
	return (bool) preg_match( '/^[A-Za-z0-9._%+-]+@(?!\.)[A-Za-z0-9.-]*\.[A-Za-z0-9.-]*(?<!\.)$/', $address );
}

function is_date( $date ) {
	return is_string( $date ) && preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $date, $parts )
		&& checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] );
}

function is_web_url( $url ) {
	return is_string( $url ) && (bool) preg_match( '/^\s*https?:[^\s\x00-\x1f\x7f]+\s*$/i', $url );
}
