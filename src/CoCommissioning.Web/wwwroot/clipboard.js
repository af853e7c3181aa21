// Copies text to the clipboard for the staff pages (a classic script: the Content-Security-Policy allows only files).
// Resolves to false, never throws, where the browser has no clipboard (an insecure origin, an old browser) or refuses
// it, so the page can say so and offer the text to copy by hand.
window.coCommissioning = window.coCommissioning || {};
window.coCommissioning.copyText = async text => {
    if (!window.isSecureContext || !navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
        return false;
    }

    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
};
