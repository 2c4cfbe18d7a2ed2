"""`briefing import` of links, pages and feeds, against a web server on
127.0.0.1 (tests/web_server.py): what a user sees on stdout and stderr,
the files written, the exit status. Never the internet."""

from __future__ import annotations

import gzip
import io
import re
import socket
import sys
from datetime import date
from pathlib import Path

import pytest
import tomli

from briefing.cli import main
from briefing.importing import known_links
from briefing.loader import load_briefing
from web_server import LocalWeb

FIXTURES = Path(__file__).parent / "fixtures" / "web"

PARAGRAPHS = [
    "The river rose two metres overnight and closed the road into the valley, officials said.",
    "Residents of the lower town were told to move their cars to higher ground by noon.",
    "\u201cWe have not seen water like this since 1998,\u201d said the mayor, Ana Ruiz.",
    "Engineers will inspect the old bridge once the water falls, the council said.",
]


def story(title: str = "Floods close the river road", *, day: str = "2024-03-05",
          paragraphs: list[str] | None = None, extra_head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs or PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="og:site_name" content="Valley News">'
            f'<meta property="article:published_time" content="{day}T08:00:00Z">'
            f"{extra_head}</head><body><header><a href='/'>Home</a></header><article>"
            f"<h1>{title}</h1>{body}</article><footer>© Valley News</footer></body></html>")


def rss(web: LocalWeb, paths: list[str], titles: list[str] | None = None) -> str:
    items = "".join(
        f"<item><title>{(titles or paths)[n]}</title><link>{web.url(path)}</link>"
        f"<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>"
        for n, path in enumerate(paths))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Valley News</title><link>{web.url('/')}</link>{items}</channel></rss>")


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- one link ---------------------------------------------------------------------

def test_a_link_becomes_a_valid_briefing_with_the_pages_metadata(web, capsys, tmp_path):
    web.page("/floods", story())
    code, out, err = run(capsys, web.url("/floods"))
    assert code == 0, err
    document = tomli.loads(out)
    masthead = document["briefing"]
    assert masthead["title"] == "Floods close the river road"
    assert masthead["source"] == "Valley News"
    assert masthead["published"] == date(2024, 3, 5)
    assert masthead["url"] == web.url("/floods")
    paragraphs = [p for section in document["sections"] for p in section["paragraphs"]]
    assert paragraphs == PARAGRAPHS  # the headline is not repeated; nothing else came in
    saved = tmp_path / "floods.toml"
    saved.write_text(out, encoding="utf-8")
    assert load_briefing(saved).title == "Floods close the river road"


def test_the_author_is_named_in_the_drafts_header(web, capsys):
    web.page("/floods", story(extra_head='<meta name="author" content="Jane Doe">'))
    _, out, _ = run(capsys, web.url("/floods"))
    assert "# By Jane Doe (as the page names the author).\n" in out.split("format = 1")[0]
    web.page("/anon", story())
    _, out, _ = run(capsys, web.url("/anon"))
    assert "# By" not in out


def test_article_prints_what_was_taken_in_the_importers_form(web, capsys):
    web.page("/floods", story())
    code, out, _ = run(capsys, web.url("/floods"), "--article")
    assert code == 0
    assert out == "\n\n".join(["Floods close the river road", *PARAGRAPHS]) + "\n"


def test_a_corrected_article_imports_back(web, capsys, tmp_path, monkeypatch):
    web.page("/floods", story())
    _, text, _ = run(capsys, web.url("/floods"), "--article")
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(text.replace("two metres", "three metres"), encoding="utf-8")
    code, out, _ = run(capsys, str(fixed))
    assert code == 0
    assert "three metres overnight" in out and "two metres" not in out


def test_a_link_written_to_a_file_is_not_overwritten_without_force(web, capsys, tmp_path):
    web.page("/floods", story())
    target = tmp_path / "draft.toml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, web.url("/floods"), "-o", str(target))
    assert code == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, err = run(capsys, web.url("/floods"), "-o", str(target), "--force")
    assert code == 0 and "wrote" in err
    assert "Floods close the river road" in target.read_text(encoding="utf-8")


def test_redirects_are_followed_and_the_link_given_is_kept(web, capsys):
    web.page("/floods", story())
    web.redirect("/old", "/floods", status=301)
    code, out, _ = run(capsys, web.url("/old"))
    assert code == 0
    assert tomli.loads(out)["briefing"]["url"] == web.url("/old")


def test_page_and_feed_are_told_apart_by_content_not_by_name(web, capsys, tmp_path):
    page = tmp_path / "story.txt"  # a saved page, whatever its name says
    page.write_text(story(), encoding="utf-8")
    code, out, _ = run(capsys, str(page), "--article")
    assert code == 0 and out.startswith("Floods close the river road\n\n")
    web.page("/a", story())
    feed = tmp_path / "news.html"
    feed.write_text(rss(web, ["/a"]), encoding="utf-8")
    code, _, err = run(capsys, str(feed))
    assert code == 1 and "a feed holds many articles" in err


def test_a_page_on_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(story().encode())))
    code, out, _ = run(capsys, "-", "--article")
    assert code == 0 and out.startswith("Floods close the river road\n\n")


def test_a_saved_corpus_page_imports_with_its_link(capsys, tmp_path):
    (path,) = FIXTURES.glob("a6968f427cdb*.html.gz")
    page = tmp_path / "ap.html"
    page.write_bytes(gzip.decompress(path.read_bytes()))
    code, out, _ = run(capsys, str(page))
    assert code == 0
    masthead = tomli.loads(out)["briefing"]
    assert masthead["url"].startswith("https://www.ctpost.com/news/article/Deval-Patrick")
    assert masthead["published"].year == 2019


def test_a_page_in_a_legacy_charset_from_the_header(web, capsys):
    html = story("Café reopens in Zürich", paragraphs=[
        p.replace("valley", "vallée") for p in PARAGRAPHS])
    web.add("/cafe", html.encode("cp1252"), "text/html; charset=iso-8859-1")
    code, out, _ = run(capsys, web.url("/cafe"), "--article")
    assert code == 0
    assert out.startswith("Café reopens in Zürich\n") and "vallée" in out


def test_a_text_article_from_a_link(web, capsys):
    web.add("/story.txt", "Floods close the river road\n\n" + "\n\n".join(PARAGRAPHS),
            "text/plain; charset=utf-8")
    code, out, _ = run(capsys, web.url("/story.txt"))
    assert code == 0
    assert tomli.loads(out)["briefing"]["url"] == web.url("/story.txt")


# --- what goes wrong, one line each -----------------------------------------------

def failure(capsys, *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_a_missing_page(web, capsys):
    line = failure(capsys, web.url("/nowhere"))
    assert line == f"{web.url('/nowhere')}: the server answered 404 Not Found"


def test_a_server_error(web, capsys):
    web.add("/oops", "boom", status=500)
    assert failure(capsys, web.url("/oops")).endswith("the server answered 500 "
                                                       "Internal Server Error")


def test_a_refused_connection(capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    line = failure(capsys, f"http://127.0.0.1:{port}/story")
    assert line == f"http://127.0.0.1:{port}/story: connection refused by 127.0.0.1"


def test_a_name_not_found(capsys, monkeypatch):
    real = socket.getaddrinfo

    def no_such_host(host, *args, **kwargs):
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    line = failure(capsys, "http://no-such-host.invalid/story")
    assert line == "http://no-such-host.invalid/story: name not found: no-such-host.invalid"


def test_a_server_that_never_answers_times_out(web, capsys):
    web.silent("/wait")
    line = failure(capsys, web.url("/wait"), "--timeout", "0.3")
    assert line == f"{web.url('/wait')}: timed out: no answer within 0.3 s"


def test_a_server_that_drips_is_cut_off_at_the_deadline(web, capsys):
    web.drip("/drip", story().encode(), every=0.1)
    line = failure(capsys, web.url("/drip"), "--timeout", "0.3")
    assert line.startswith(f"{web.url('/drip')}: timed out: the page took more than")


def test_a_broken_response(web, capsys):
    web.broken("/cut", story().encode()[:200])
    line = failure(capsys, web.url("/cut"))
    assert line == (f"{web.url('/cut')}: the server broke the connection or sent a "
                    "malformed response")


def test_too_many_redirects(web, capsys):
    for n in range(8):
        web.redirect(f"/r{n}", f"/r{n + 1}")
    assert failure(capsys, web.url("/r0")) == f"{web.url('/r0')}: more than 5 redirects"


def test_a_redirect_out_of_http_is_refused(web, capsys):
    web.redirect("/away", "file:///etc/passwd")
    line = failure(capsys, web.url("/away"))
    assert line == f"{web.url('/away')}: redirected to a link that is not http or https"


@pytest.mark.parametrize("link", ["ftp://example.org/story", "file:///etc/passwd",
                                  "javascript://alert(1)"])
def test_only_http_and_https(capsys, link):
    assert "only http and https links can be imported" in failure(capsys, link)


@pytest.mark.parametrize("kind", ["announced", "endless", "gzip bomb"])
def test_too_large(web, capsys, kind):
    {"announced": lambda: web.claims_huge("/big", 10 ** 10),
     "endless": lambda: web.endless("/big"),
     "gzip bomb": lambda: web.gzip_bomb("/big", 24 * 1024 * 1024)}[kind]()
    assert failure(capsys, web.url("/big")) == (f"{web.url('/big')}: too large: over the "
                                                "limit of 8 MiB")


def test_not_an_article(web, capsys):
    web.add("/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "image/png")
    assert failure(capsys, web.url("/logo.png")) == (f"{web.url('/logo.png')}: not an "
                                                     "article: the content is image/png")
    web.page("/menu", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert failure(capsys, web.url("/menu")).endswith("not an article: no body text was "
                                                      "found on the page")


def test_a_feed_declaring_entities_is_refused(web, capsys, tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">'
            ']><rss version="2.0"><channel><title>&c;</title><item><title>&c;</title>'
            "<link>http://127.0.0.1:1/x</link></item></channel></rss>")
    web.add("/bomb.xml", bomb, "application/rss+xml")
    code, _, err = run(capsys, web.url("/bomb.xml"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err.splitlines()[0] == (
        f"failed: {web.url('/bomb.xml')}: the feed declares XML entities; refused (an entity "
        "can expand to gigabytes or read local files)")
    external = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                '<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>')
    feed = tmp_path / "external.xml"
    feed.write_text(external, encoding="utf-8")
    code, _, err = run(capsys, str(feed), "-o", str(tmp_path / "o"))
    assert code == 1 and "declares XML entities" in err and "root:" not in err


# --- feeds and many links into a folder -------------------------------------------

def test_a_feed_imports_one_briefing_per_article_and_then_only_what_is_new(web, capsys,
                                                                          tmp_path):
    titles = ["Floods close the river road", "Bridge reopens after repairs",
              "Council approves new flood wall"]
    for n, title in enumerate(titles):
        web.page(f"/s{n}", story(title, day=f"2024-03-0{n + 1}"))
    web.add("/feed.xml", rss(web, ["/s0", "/s1", "/s2"], titles), "application/rss+xml")
    out = tmp_path / "briefs"
    code, stdout, err = run(capsys, web.url("/feed.xml"), "-o", str(out))
    assert code == 0, err
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "2024-03-01-floods-close-the-river-road.toml",
        "2024-03-02-bridge-reopens-after-repairs.toml",
        "2024-03-03-council-approves-new-flood-wall.toml"]
    assert err.strip().splitlines()[-1] == f"3 imported, 0 skipped, 0 failed (in {out})"
    for path in out.iterdir():
        assert load_briefing(path).masthead.url.startswith(web.url("/s"))

    # Again, with one new story: only that one is fetched and written.
    web.page("/s3", story("Farmers count the cost", day="2024-03-04"))
    web.add("/feed.xml", rss(web, ["/s0", "/s1", "/s2", "/s3"], [*titles, "Farmers"]),
            "application/rss+xml")
    before = dict(web.requests)
    code, _, err = run(capsys, web.url("/feed.xml"), "-o", str(out))
    assert code == 0
    assert err.strip().splitlines()[-1] == f"1 imported, 3 skipped, 0 failed (in {out})"
    assert len(list(out.iterdir())) == 4
    assert all(web.requests[f"/s{n}"] == before[f"/s{n}"] for n in range(3))
    assert web.requests["/s3"] == 1


def test_force_imports_the_known_articles_again_over_their_files(web, capsys, tmp_path):
    web.page("/s0", story())
    web.add("/feed.xml", rss(web, ["/s0"]), "application/rss+xml")
    out = tmp_path / "briefs"
    assert run(capsys, web.url("/feed.xml"), "-o", str(out))[0] == 0
    (written,) = out.iterdir()
    written.write_text(written.read_text(encoding="utf-8").replace("Floods", "Rains"),
                       encoding="utf-8")
    code, _, err = run(capsys, web.url("/feed.xml"), "-o", str(out), "--force")
    assert code == 0 and "1 imported, 0 skipped" in err
    assert [p.name for p in out.iterdir()] == [written.name]
    assert "Floods close" in written.read_text(encoding="utf-8")


def test_an_article_never_overwrites_another_with_the_same_name(web, capsys, tmp_path):
    out = tmp_path / "briefs"
    out.mkdir()
    mine = out / "2024-03-05-floods-close-the-river-road.toml"
    mine.write_text("# my own notes\n", encoding="utf-8")
    web.page("/s0", story())
    code, _, _ = run(capsys, web.url("/s0"), "-o", str(out))
    assert code == 0
    assert mine.read_text(encoding="utf-8") == "# my own notes\n"
    assert (out / "2024-03-05-floods-close-the-river-road-2.toml").is_file()


def test_a_saved_page_already_in_the_folder_is_skipped(web, capsys, tmp_path):
    web.page("/s0", story(extra_head=f'<link rel="canonical" href="{web.url("/s0")}">'))
    out = tmp_path / "briefs"
    out.mkdir()  # one source and an existing folder: the article goes into it
    assert run(capsys, web.url("/s0"), "-o", str(out))[0] == 0
    saved = tmp_path / "saved.html"
    saved.write_text(story(extra_head=f'<link rel="canonical" href="{web.url("/s0")}">'),
                     encoding="utf-8")
    code, _, err = run(capsys, str(saved), "-o", str(out))
    assert code == 0
    assert err.strip().splitlines()[-1] == f"0 imported, 1 skipped, 0 failed (in {out})"
    assert len(list(out.iterdir())) == 1
    code, _, err = run(capsys, web.url("/s0"), "-o", str(out))
    assert "0 imported, 1 skipped" in err and web.requests["/s0"] == 1


def test_one_bad_link_does_not_stop_the_others(web, capsys, tmp_path):
    web.page("/good", story())
    web.page("/other", story("Bridge reopens after repairs"))
    web.add("/bad", "gone", status=410)
    out = tmp_path / "briefs"
    code, _, err = run(capsys, web.url("/good"), web.url("/bad"), web.url("/other"),
                       "-o", str(out))
    assert code == 1
    lines = err.strip().splitlines()
    assert f"failed: {web.url('/bad')}: the server answered 410 Gone" in lines
    assert sum(line.startswith("imported ") for line in lines) == 2
    assert lines[-1] == f"2 imported, 0 skipped, 1 failed (in {out})"
    assert len(list(out.iterdir())) == 2


def test_an_atom_feed_file_with_a_broken_entry(web, capsys, tmp_path):
    web.page("/a", story())
    feed = tmp_path / "news.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley</title>"
        f'<entry><title>A</title><link href="{web.url("/a")}"/>'
        "<updated>2024-03-05T08:00:00Z</updated></entry>"
        f'<entry><title>B</title><link href="{web.url("/missing")}"/></entry>'
        '<entry><title>C</title><link href="javascript:alert(1)"/></entry>'
        "</feed>", encoding="utf-8")
    out = tmp_path / "briefs"
    code, _, err = run(capsys, str(feed), "-o", str(out))
    assert code == 1
    assert f"failed: {web.url('/missing')}: the server answered 404 Not Found" in err
    assert "entry 3: C): the entry has neither a link nor any text" in err
    assert err.strip().splitlines()[-1] == f"1 imported, 0 skipped, 2 failed (in {out})"


def test_a_feed_entry_without_a_link_is_imported_from_its_own_text(capsys, tmp_path):
    content = "".join(f"<p>{p}</p>" for p in PARAGRAPHS).replace("<", "&lt;")
    feed = tmp_path / "news.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>V</title>'
                    f"<item><title>Floods close the river road</title>"
                    f"<description>{content}</description></item></channel></rss>",
                    encoding="utf-8")
    out = tmp_path / "briefs"
    code, _, err = run(capsys, str(feed), "-o", str(out))
    assert code == 0, err
    (written,) = out.iterdir()
    assert load_briefing(written).title == "Floods close the river road"


def test_several_sources_need_a_folder(capsys):
    line = failure(capsys, "a.txt", "b.txt")
    assert line == "-o: several articles need a folder to go to: give -o FOLDER"


def test_article_takes_one_source(capsys):
    assert "--article shows one article" in failure(capsys, "a.txt", "b.txt", "--article")


def test_the_folder_is_the_record_of_what_was_imported(tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a.toml").write_text('format = 1\n[briefing]\ntitle = "A"\n'
                                   'url = "https://example.org/a#top"\n', encoding="utf-8")
    (folder / "broken.toml").write_text("this is [not toml", encoding="utf-8")
    (folder / "notes.txt").write_text('url = "https://example.org/b"', encoding="utf-8")
    assert known_links(folder) == {"https://example.org/a": folder / "a.toml"}


def test_ctrl_c_stops_at_once_even_with_fetches_in_flight(web, tmp_path):
    import os
    import signal
    import subprocess
    import time

    web.silent("/a")
    web.silent("/b")
    out = tmp_path / "briefs"
    command = [sys.executable, "-m", "briefing", "import", web.url("/a"), web.url("/b"),
               "-o", str(out), "--timeout", "60"]
    # Ctrl+C as a terminal sends it, even where this runs as a background job
    # (which a shell starts with SIGINT ignored, and the child would inherit).
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "TERM": "dumb"},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for _ in range(300):  # until both requests are waiting on the server
        if web.requests["/a"] and web.requests["/b"]:
            break
        time.sleep(0.05)
    assert web.requests["/a"] == web.requests["/b"] == 1
    process.send_signal(signal.SIGINT)
    # Without daemon workers this would wait out the 60 s timeout.
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip().splitlines()[-1] == f"interrupted: 0 imported, 0 skipped, 0 failed " \
                                           f"(in {out})"
    assert "Traceback" not in err


# --- the progress bar on a terminal -----------------------------------------------

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_progress_bar_and_one_line_per_failure(web, tmp_path, monkeypatch):
    from briefing.importing import ImportRequest, run_import

    monkeypatch.setenv("TERM", "xterm")
    web.page("/good", story())
    screen = Terminal()
    code = run_import(ImportRequest([web.url("/good"), web.url("/bad")],
                                    output=str(tmp_path / "out")), stderr=screen)
    assert code == 1
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "importing" in shown  # the bar
    assert f"failed: {web.url('/bad')}: the server answered 404 Not Found" in shown
    assert "imported http" not in shown  # successes are counted, not listed
    assert shown.strip().splitlines()[-1].endswith("1 imported, 0 skipped, 1 failed (in "
                                                   f"{tmp_path / 'out'})")
