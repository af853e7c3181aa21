// With <base href="/">, href="#main-content" would load the home page; move focus to the main content instead.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const target = link ? document.getElementById(link.hash.slice(1)) : null;
    if (!target) {
        return;
    }

    event.preventDefault();
    event.stopPropagation();
    target.focus();
    target.scrollIntoView();
}, true);
