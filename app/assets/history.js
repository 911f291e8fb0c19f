/* Back and forward: tell the app which address the tab went to, through the "url-pop" store, so that it
   restores that view (app/callbacks/address.py). The app's own address changes (dcc.Location pushing the
   view's query string) fire no popstate event, so they never come back as a restore. */
window.addEventListener("popstate", function () {
    var clientside = window.dash_clientside;
    if (clientside && clientside.set_props) {
        clientside.set_props("url-pop", {data: {search: window.location.search, at: Date.now()}});
    }
});
