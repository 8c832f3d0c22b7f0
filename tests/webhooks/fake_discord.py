"""A stand-in for Discord on 127.0.0.1: answers each POST from a script, records what it took."""

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeDiscord:
    """`script` answers the first requests in order (status, body, headers); then 204s.

    `delay` seconds pass before each accepted message is answered (to be killed mid-batch).
    """

    def __init__(self, script=(), delay: float = 0.0):
        self.script = list(script)
        self.delay = delay
        self.lock = threading.Lock()
        self.requests: list[dict] = []  # every request: key, status answered, body
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/webhooks/1/token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def accepted(self) -> Counter:
        with self.lock:
            return Counter(r["key"] for r in self.requests if r["status"] < 300)

    def wait_for(self, keys, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if set(keys) <= set(self.accepted):
                return
            time.sleep(0.1)
        missing = set(keys) - set(self.accepted)
        raise AssertionError(f"never arrived: {sorted(missing)}; got {self.requests}")

    def _answer(self, key: str, body: dict):
        with self.lock:
            answer = self.script.pop(0) if self.script else (204, None, {})
            self.requests.append({"key": key, "status": answer[0], "body": body})
        return answer

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802  (the standard library's name)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                status, payload, headers = fake._answer(self.headers["Idempotency-Key"], body)
                if status < 300 and fake.delay:
                    time.sleep(fake.delay)
                self.send_response(status)
                data = json.dumps(payload).encode() if payload is not None else b""
                for name, value in {**headers, "Content-Length": str(len(data))}.items():
                    self.send_header(name, value)
                if payload is not None:
                    self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
