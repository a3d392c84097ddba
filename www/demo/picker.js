// Demo only: shows the policy named by ?policy=… (the five seed bundles, and
// Mass.gov 2016 as an update of 2002, with what changed).
const slugs = ['concord', 'westfield', 'massgov-2016', 'massgov-2016-update', 'massgov-2002', 'cambridge-schools'];
const wanted = new URLSearchParams(location.search).get('policy');
const slug = slugs.includes(wanted) ? wanted : slugs[0];
document.getElementById('policy').setAttribute('src', `policies/${slug}.json`);
for (const link of document.querySelectorAll('.demo-picker a')) {
  if (link.search === `?policy=${slug}`) link.setAttribute('aria-current', 'page');
}
