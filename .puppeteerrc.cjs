// The browsers come from the system (Debian's chromium / firefox-esr) or an env var;
// puppeteer's own download needs hosts this network cannot reach.
module.exports = { skipDownload: true };
