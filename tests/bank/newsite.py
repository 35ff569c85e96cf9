"""A small news site on loopback for the import tests, with pages written for them.

The stories are invented (people, papers and events); only the cities are real.
Every piece of page furniture names someone the story never mentions, so a
question citing furniture gives itself away.
"""

from __future__ import annotations

import io
import textwrap
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE_TITLE = "Marwick heads to Vilnius for grain corridor talks"

STORY = [
    "VILNIUS (NL) — Norland's Foreign Minister Ilse Marwick arrived in Vilnius on Tuesday for "
    "talks on a new grain corridor across the Baltic, her third trip to Lithuania since January.",
    "Marwick met Lithuanian Foreign Minister Darius Venclovas at the foreign ministry, where the "
    "two discussed port fees, rail gauges and the insurance of cargo ships crossing the sea in "
    "winter.",
    "The corridor would carry up to 400,000 tonnes of grain a month from inland silos to the "
    "port of Klaipeda, officials said, and would be run by a joint company owned by the two "
    "governments.",
    '"We have waited long enough for a route that farmers can rely on," Marwick told reporters '
    "after the meeting, adding that she expected a signed agreement before the summer.",
    "Venclovas said the plan still needed the approval of the Lithuanian parliament, which is "
    "due to debate it in May, and warned that the rail upgrades alone would cost about 90 "
    "million euros.",
    "The foreign minister is expected to travel on to Riga on Wednesday, where she will meet "
    "Latvian Prime Minister Edgars Kalnins to discuss the same corridor.",
]
STORY_END = (
    "Critics in Norland's parliament have asked why the government is spending money abroad "
    "while its own northern railway remains unfinished, a charge Marwick rejected on Tuesday."
)

FURNITURE = {
    "cookie banner": "We use cookies to improve your reading experience and to measure our "
    "audience. By continuing to browse the site you agree to our use of cookies.",
    "navigation": "Subscribe to the Ledger for one euro a week",
    "byline": "Petra Lindqvist",
    "caption": "Defence Minister Oskar Brandvold met Mayor Lina Sauka in Kaunas on Friday to "
    "discuss the ferry strike.",
    "aside": "Chancellor Greta Holm made her seventh visit to Oslo on Monday to open the new "
    "harbour bridge.",
    "most read": "Trade Commissioner Jonas Falk made his fifth trip to Warsaw on Thursday to "
    "sign the steel pact",
    "footer": "Editor-in-chief Martin Aasgaard visited Helsinki on Monday to accept the press "
    "award.",
}
"""Text of the page that is not the story."""

FURNITURE_NAMES = ("Lindqvist", "Brandvold", "Sauka", "Holm", "Falk", "Aasgaard", "cookies")
"""Words that appear only in the furniture."""

NEWS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{PAGE_TITLE} | The Northern Ledger</title>
<meta property="og:title" content="{PAGE_TITLE}">
<meta property="og:site_name" content="The Northern Ledger">
<meta name="author" content="Petra Lindqvist">
<meta property="article:published_time" content="2025-04-08T09:30:00Z">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>{FURNITURE["cookie banner"]}</p>
  <button>Accept all</button> <button>Manage settings</button>
</div>
<header class="site-header">
  <a class="logo" href="/">The Northern Ledger</a>
  <nav class="main-nav">
    <ul>
      <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
      <li><a href="/subscribe">{FURNITURE["navigation"]}</a></li>
    </ul>
  </nav>
</header>
<main>
<article>
  <h1>{PAGE_TITLE}</h1>
  <p class="byline">By <span class="author">Petra Lindqvist</span>, Northern Ledger correspondent</p>
  <time datetime="2025-04-08">8 April 2025</time>
  <figure>
    <img src="/img/marwick.jpg" alt="">
    <figcaption>{FURNITURE["caption"]} (Photo: Ledger archive)</figcaption>
  </figure>
  {"".join(f"<p>{p}</p>" for p in STORY)}
  <aside class="related">
    <h3>Read more</h3>
    <p>{FURNITURE["aside"]}</p>
  </aside>
  <p>{STORY_END}</p>
</article>
<aside class="most-read">
  <h2>Most read</h2>
  <ol>
    <li><a href="/a/1">{FURNITURE["most read"]}</a></li>
    <li><a href="/a/2">Ferry strike enters second week as talks collapse in Kaunas harbour</a></li>
    <li><a href="/a/3">Ten things to do in Tallinn this spring with the whole family</a></li>
  </ol>
</aside>
</main>
<footer class="site-footer">
  <p>© 2025 The Northern Ledger. {FURNITURE["footer"]}</p>
  <p><a href="/about">About us</a> · <a href="/privacy">Privacy policy</a></p>
</footer>
</body>
</html>
"""

PLAIN_PAGE = """<!doctype html><html><head>
<title>Ferry strike ends after nine days - Coastal Courier</title></head><body>
<div class="nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/weather">Weather</a></div>
<div class="content">
<h2>Ferry strike ends after nine days</h2>
<p>By Tomas Eriksen and Aino Palm</p>
<p>Updated 14 May 2025</p>
<p class="caption">Harbour Master Lena Voss greeted the first ferry at the pier on Sunday.</p>
<p>KLAIPEDA, Lithuania — The ferry workers' union ended its nine-day strike on Saturday after
the operator agreed to a pay rise of 6 percent, union leader Rasa Milinis said.</p>
<p>Milinis met the operator's chief executive, Arvid Strand, at the port authority on Friday
evening for talks that lasted until the early hours of Saturday morning.</p>
<p>Services between Klaipeda and Kiel resume on Monday, the operator said in a statement, and
tickets bought for cancelled crossings will be refunded in full.</p>
</div>
<div class="footer">Coastal Courier is published by Courier Media. Contact the newsroom.</div>
</body></html>
"""
"""A plainer page: byline and date as bare paragraphs, a dateline with a country."""

NO_ARTICLE_PAGE = """<!doctype html><html><head><title>Sections | The Northern Ledger</title>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><h1>World news</h1><ul>
<li><a href="/a/1">Ferry strike enters second week</a></li>
<li><a href="/a/2">Grain corridor talks open in Vilnius</a></li>
<li><a href="/a/3">Harbour bridge opens in Oslo</a></li></ul></main>
<footer><p>© 2025 The Northern Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

PDF_TITLE = "Tartu and Riga sign a cycling route pact"
PDF_STORY = [
    "Mayor Anneli Rask of Tartu travelled to Riga on Thursday, her second trip to the Latvian "
    "capital this spring, to sign an agreement on a cross-border cycling route.",
    "Rask met Riga's deputy mayor, Juris Ozols, at the city hall, where the two signed the pact "
    "in front of some forty cyclists who had ridden the route's first stretch that morning.",
    "The route will run for 240 kilometres through forests and river valleys, and the two "
    "cities will share the cost of signs, rest stops and repairs, officials said.",
]

DOCX_TITLE = "Brekke opens fisheries talks in Reykjavik"
DOCX_STORY = [
    "Fisheries Minister Halvard Brekke arrived in Reykjavik on Monday for talks on mackerel "
    "quotas, his fourth visit to Iceland since the dispute began last autumn.",
    "Brekke met Icelandic Fisheries Minister Sigrun Eggertsdottir at the harbour office, where "
    "the two agreed to ask their scientists for a joint estimate of the stock by June.",
    "Fishing crews in both countries have warned that another season without a deal would "
    "leave boats idle and push the price of mackerel higher in the winter.",
]

TEXT_STORY = (
    "Title: Lighthouse keepers return to Hiiumaa\n"
    "Date: 2025-06-02\n\n"
    "Culture Minister Maret Kask visited Hiiumaa on Saturday to reopen the Kopu lighthouse, "
    "which had been closed for repairs for two years, the ministry said.\n\n"
    "Kask met the island's mayor, Tiit Laan, at the lighthouse, where the two unveiled a plaque "
    "for the keepers who tended its lamp for more than a century.\n"
)


# --------------------------------------------------------------------------- documents


def make_pdf(paragraphs: list[str] | None, title: str | None = None, width: int = 80) -> bytes:
    """A small PDF written by hand: each paragraph hard-wrapped into lines of text
    in Helvetica, or (``paragraphs=None``) one page holding only an image, as a
    scan has."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    if paragraphs is None:
        content = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
        resources = b"<< /XObject << /Im1 7 0 R >> >>"
    else:
        ops = ["BT /F1 10 Tf 13 TL 60 770 Td"]
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, width):
                ops.append(f"({esc(line)}) Tj T*")
            ops.append("T*")
        ops.append("ET")
        content = "\n".join(ops).encode("latin-1")
        resources = b"<< /Font << /F1 4 0 R >> >>"
    pixels = zlib.compress(bytes(range(256)) * 4)  # a 32x32 grey image
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + resources
        + b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title (" + esc(title or "").encode("latin-1") + b") /Producer (tests) >>",
        b"<< /Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    info = b" /Info 6 0 R" if title else b""
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, info, xref)
    )
    return out.getvalue()


def make_docx(title: str, paragraphs: list[str]) -> bytes:
    """A Word document made with python-docx: a Title paragraph, then the story."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- the server

Handler = Callable[[BaseHTTPRequestHandler], None]


def _send(
    status: int,
    body: bytes = b"",
    content_type: str | None = "text/html; charset=utf-8",
    **hdrs: str,
) -> Handler:
    """A route that answers with fixed headers and body."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        if content_type:
            h.send_header("Content-Type", content_type)
        for key, value in hdrs.items():
            h.send_header(key.replace("_", "-"), value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return handle


@dataclass
class NewsSite:
    """The running site: its address, its routes and the paths it was asked for."""

    port: int
    routes: dict[str, Handler]
    requests: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The full URL of a path on this site."""
        return f"http://{host}:{self.port}{path}"


def _routes(site: NewsSite) -> dict[str, Handler]:
    """Every page of the site."""

    def slow(h: BaseHTTPRequestHandler) -> None:
        site.stop.wait(5)  # longer than the tests' read timeout; cut short at teardown
        _send(200, NEWS_PAGE.encode())(h)

    def drip(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<!doctype html><html><body><p>")
        for _ in range(100):  # a byte every 50 ms: each read is quick, the whole is not
            if site.stop.wait(0.05):
                return
            h.wfile.write(b"a ")
            h.wfile.flush()

    def huge(declared: bool) -> Handler:
        def handle(h: BaseHTTPRequestHandler) -> None:
            chunk = ("<p>" + STORY[0] + "</p>\n").encode() * 300
            total = 5_000_000
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            if declared:
                h.send_header("Content-Length", str(total))
            h.end_headers()
            sent = 0
            while sent < total and not site.stop.is_set():
                h.wfile.write(chunk)
                sent += len(chunk)

        return handle

    def redirect(location: str, status: int = 302) -> Handler:
        return _send(status, b"", None, Location=location)

    def loop(h: BaseHTTPRequestHandler) -> None:
        n = int(h.path.rsplit("/", 1)[1])
        redirect(f"/loop/{n + 1}")(h)

    pdf = make_pdf(PDF_STORY, PDF_TITLE)
    routes: dict[str, Handler] = {
        "/page.html": _send(200, NEWS_PAGE.encode()),
        "/plain.html": _send(200, PLAIN_PAGE.encode(), "text/html"),
        "/no-article.html": _send(200, NO_ARTICLE_PAGE.encode()),
        "/no-type": _send(200, NEWS_PAGE.encode(), None),
        "/story.txt": _send(200, TEXT_STORY.encode(), "text/plain; charset=utf-8"),
        "/story.pdf": _send(200, pdf, "application/pdf"),
        "/scan.pdf": _send(200, make_pdf(None), "application/pdf"),
        "/photo.png": _send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        "/missing": _send(404, b"<h1>Not found</h1>"),
        "/broken": _send(500, b"<h1>Server error</h1>"),
        "/old-page": redirect("/page.html", 301),
        "/to-ipv6-loopback": redirect(f"http://[::1]:{site.port}/page.html"),
        "/to-other-loopback": redirect(f"http://127.0.0.2:{site.port}/page.html"),
        "/slow.html": slow,
        "/drip.html": drip,
        "/huge-declared.html": huge(declared=True),
        "/huge-streamed.html": huge(declared=False),
    }
    routes.update({f"/loop/{n}": loop for n in range(20)})
    return routes


@contextmanager
def serve() -> Iterator[NewsSite]:
    """Run the site on 127.0.0.1 on a free port, in a thread, for the duration."""
    site = NewsSite(port=0, routes={})

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; no Content-Length needed

        def do_GET(self) -> None:
            site.requests.append(self.path)
            route = site.routes.get(self.path.split("?", 1)[0])
            if route is None:
                _send(404, b"not here")(self)
            else:
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hung up early (timeouts, size caps) is expected

    server = Server(("127.0.0.1", 0), Handler)
    site.port = server.server_address[1]
    site.routes = _routes(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
