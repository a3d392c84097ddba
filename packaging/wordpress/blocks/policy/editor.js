/**
 * The "Privacy policy" block in the editor: its options in the sidebar, and a
 * placeholder naming the policy it will show. The page itself prints the
 * element (includes/block.php), so nothing is saved but the options.
 * Plain script on WordPress's globals: the plugin has no build step.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	const el = element.createElement;
	const __ = i18n.__;
	const data = window.privacyPolicyWidgetEditor || { bundles: [], hasDefault: false };
	const choice = ( value, label ) => ( { value, label } );
	const unset = choice( '', __( 'As the policy says', 'privacy-policy-widget' ) );

	blocks.registerBlockType( 'privacy-policy-widget/policy', {
		edit( { attributes, setAttributes } ) {
			const set = ( name ) => ( value ) => setAttributes( { [ name ]: value || undefined } );
			// A text option: the attribute `name`, its label and its help.
			const text = ( name, label, help ) => el( components.TextControl, { label, help, value: attributes[ name ] || '', onChange: set( name ) } );
			const bundle = data.bundles.find( ( b ) => b.url === attributes.src );
			const shown = attributes.src
				? ( bundle ? bundle.title : attributes.src )
				: ( data.hasDefault ? __( 'The site’s default policy', 'privacy-policy-widget' ) : __( 'No policy chosen yet: upload one under Settings → Privacy policy.', 'privacy-policy-widget' ) );
			const sidebar = el(
				blockEditor.InspectorControls,
				null,
				el(
					components.PanelBody,
					{ title: __( 'Policy', 'privacy-policy-widget' ) },
					el( components.SelectControl, {
						label: __( 'Policy bundle', 'privacy-policy-widget' ),
						value: attributes.src || '',
						options: [ choice( '', __( 'The default policy', 'privacy-policy-widget' ) ) ].concat( data.bundles.map( ( b ) => choice( b.url, b.title ) ) ),
						onChange: ( value ) => setAttributes( { src: value } ),
					} ),
					el( components.SelectControl, {
						label: __( 'Heading level of the policy’s title', 'privacy-policy-widget' ),
						value: attributes.headingLevel ? String( attributes.headingLevel ) : '',
						options: [ unset ].concat( [ 1, 2, 3, 4, 5, 6 ].map( ( n ) => choice( String( n ), 'H' + n ) ) ),
						onChange: ( value ) => setAttributes( { headingLevel: value ? Number( value ) : undefined } ),
					} ),
					el( components.SelectControl, {
						label: __( 'Sections at first', 'privacy-policy-widget' ),
						value: attributes.initial || '',
						options: [ unset, choice( 'collapsed', __( 'All closed', 'privacy-policy-widget' ) ), choice( 'first', __( 'The first open', 'privacy-policy-widget' ) ), choice( 'expanded', __( 'All open', 'privacy-policy-widget' ) ) ],
						onChange: set( 'initial' ),
					} ),
					el( components.SelectControl, {
						label: __( 'Quick summary', 'privacy-policy-widget' ),
						value: attributes.summaryPosition || '',
						options: [ unset, choice( 'start', __( 'Before the sections', 'privacy-policy-widget' ) ), choice( 'end', __( 'After the sections', 'privacy-policy-widget' ) ) ],
						onChange: set( 'summaryPosition' ),
					} ),
					text( 'hide', __( 'Hide', 'privacy-policy-widget' ), __( 'Comma-separated: summary, facts, contacts, contents, glossary, front-matter, reading-time, search.', 'privacy-policy-widget' ) ),
					text( 'show', __( 'Show', 'privacy-policy-widget' ), __( 'Panels the policy hides, to show here, by the same names.', 'privacy-policy-widget' ) )
				),
				el(
					components.PanelBody,
					{ title: __( 'Appearance', 'privacy-policy-widget' ), initialOpen: false },
					text( 'accent', __( 'Accent colour', 'privacy-policy-widget' ), __( 'As #rgb or #rrggbb, e.g. #005ea2. Choose one with 4.5:1 contrast on white.', 'privacy-policy-widget' ) ),
					text( 'font', __( 'Font', 'privacy-policy-widget' ), __( 'A font-family list, e.g. Georgia, serif. Empty: the page’s font.', 'privacy-policy-widget' ) ),
					text( 'radius', __( 'Corner radius', 'privacy-policy-widget' ), __( 'A length such as 4px or 0.25rem.', 'privacy-policy-widget' ) )
				)
			);
			return el(
				element.Fragment,
				null,
				sidebar,
				el(
					'div',
					blockEditor.useBlockProps(),
					el( components.Placeholder, { icon: 'shield', label: __( 'Privacy policy', 'privacy-policy-widget' ), instructions: shown } )
				)
			);
		},
		save: () => null,
	} );
}( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n ) );
