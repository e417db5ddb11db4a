// The peer grid: the reseller's customers in AG Grid's client-side row model, every row in
// memory as a DOM grid holds them. The first page is shown at once; the rest follows page by
// page (the partner API's cursor paging) and window.peer.loaded says when all are in.
(function () {
  "use strict";
  var session = JSON.parse(localStorage.getItem("resellerConsole.session") || "{}");
  var headers = { Authorization: "Bearer " + session.token };
  var money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  window.peer = { ready: false, loaded: false, rows: 0, total: 0, api: null };

  function plan(c) {
    var s = c.subscription;
    return s ? s.plan.charAt(0).toUpperCase() + s.plan.slice(1) + ", " + s.billing_cycle : "—";
  }
  function row(c) {
    var s = c.subscription;
    return {
      id: c.id, name: c.name, organization: c.organization, domain: c.google_domain, status: c.status,
      plan: plan(c), licenses: s ? s.licenses : null, renews: s && s.renews_at ? s.renews_at : "—",
      monthly: s && s.status !== "cancelled" ? money.format(s.monthly_value.amount / 100) : "—",
    };
  }
  var columns = [
    { headerName: "Customer", field: "name", flex: 1.7, sortable: false, cellRenderer: function (p) {
        var el = document.createElement("div");
        el.style.lineHeight = "18px";
        el.innerHTML = "<div style='font-weight:500'></div><div style='color:#6b7280;font-size:12px'></div>";
        el.firstChild.textContent = p.data.name;
        el.lastChild.textContent = p.data.organization;
        return el;
      } },
    { headerName: "Google domain", field: "domain", flex: 1.1 },
    { headerName: "Status", field: "status", width: 100 },
    { headerName: "Plan", field: "plan", width: 156 },
    { headerName: "Licenses", field: "licenses", width: 90, type: "rightAligned" },
    { headerName: "Renewal", field: "renews", width: 110 },
    { headerName: "Monthly", field: "monthly", width: 100, type: "rightAligned" },
    { headerName: "", width: 100, cellRenderer: function () {
        var b = document.createElement("button");
        b.textContent = "Manage";
        return b;
      } },
  ];
  if (agGrid.ModuleRegistry && agGrid.AllCommunityModule) agGrid.ModuleRegistry.registerModules([agGrid.AllCommunityModule]);
  var api = agGrid.createGrid(document.getElementById("grid"), {
    columnDefs: columns, rowData: [], rowHeight: 56, headerHeight: 40, suppressCellFocus: false,
    defaultColDef: { sortable: false, resizable: false }, getRowId: function (p) { return String(p.data.id); },
  });
  window.peer.api = api;

  function page(cursor) {
    var url = "/api/v1/customers?sort=name&limit=200" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    return fetch(url, { headers: headers }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }
  var all = [];
  function next(cursor) {
    return page(cursor).then(function (p) {
      var rows = p.items.map(row);
      all.push.apply(all, rows);
      window.peer.total = p.total;
      if (!window.peer.ready) {
        api.setGridOption("rowData", all.slice());
        window.peer.ready = true;
      }
      window.peer.rows = all.length;
      if (p.next_cursor) return next(p.next_cursor);
      api.setGridOption("rowData", all);
      window.peer.loaded = true;
    });
  }
  next(null).catch(function (e) { window.peer.error = String(e); });
})();
