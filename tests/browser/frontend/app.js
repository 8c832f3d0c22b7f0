// Calls the mock server named in ?mock=… from this other origin, as a Next.js dev server would.
(async function () {
  const mock = new URLSearchParams(location.search).get("mock");
  const show = (id, text) => { document.getElementById(id).textContent = text; };

  const product = await fetch(`${mock}/api/v1/products/42`);
  const body = await product.json();
  show("product", `${product.status} ${body.name}`);

  // JSON, a Prefer header and a token (placing an order needs one): a CORS preflight first.
  const order = await fetch(`${mock}/api/v1/orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Prefer: "code=201", Authorization: "Bearer dev" },
    body: JSON.stringify({ items: [{ product_id: 42, quantity: 1 }] }),
  });
  show("order", `${order.status} ${(await order.json()).status} via ${order.headers.get("X-Mock-Route")}`);

  const missing = await fetch(`${mock}/api/v1/carts`);
  show("missing", `${missing.status} ${(await missing.json()).routes.length} routes`);
})();
