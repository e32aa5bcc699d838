"""Production settings: `check --deploy` has nothing to say, the secret key and hosts come from the
environment, DEBUG is off unless the environment turns it on, and HTTPS is recognised behind a proxy."""

import json
import os
import secrets
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

HOST = "timeline.example.org"


def production(**overrides):
    # A clean production environment: nothing the test session set for itself (the browser tests allow
    # async-unsafe calls, for instance) leaks into the deploy check.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS=HOST, PYTHONPATH=str(ROOT))
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def run(env, *args):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def served_in_production(tmp_path, client_script):
    """What a client script prints (its last line, as JSON) when it runs against the production
    settings with the static files collected."""
    env = production(DJANGO_SETTINGS_MODULE="timeline.settings", STATIC_ROOT=str(tmp_path / "static"))
    collected = run(env, "manage.py", "collectstatic", "--noinput", "-v0")
    assert collected.returncode == 0, collected.stderr
    done = run(env, "-c", client_script)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def setting(env, name):
    done = run(env, "-c", f"import json, django; django.setup(); from django.conf import settings; print(json.dumps(settings.{name}))")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_check_deploy_reports_nothing_in_production():
    done = run(production(), "manage.py", "check", "--deploy", "--fail-level", "DEBUG")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_production_refuses_to_start_without_a_secret_key():
    done = run(production(SECRET_KEY=None), "manage.py", "check")
    assert done.returncode != 0
    assert "SECRET_KEY must be set in the environment in production" in done.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    done = run(production(ALLOWED_HOSTS=None), "manage.py", "check")
    assert done.returncode != 0
    assert "ALLOWED_HOSTS must be set in the environment in production" in done.stderr


@pytest.mark.parametrize("env, debug", [
    ({"DJANGO_ENV": "production"}, False),
    ({"DJANGO_ENV": None, "SECRET_KEY": None, "ALLOWED_HOSTS": None}, False),
    ({"DJANGO_ENV": None, "DEBUG": "1"}, True),
])
def test_debug_is_off_unless_the_environment_turns_it_on(env, debug):
    assert setting(production(DJANGO_SETTINGS_MODULE="timeline.settings", **env), "DEBUG") is debug


PROXY_CLIENT = textwrap.dedent(
    f"""
    import json, django
    django.setup()
    from django.test import Client

    client = Client()
    plain = client.get("/no-such-page/", headers={{"host": "{HOST}"}})
    secure = client.get("/no-such-page/", headers={{"host": "{HOST}", "x-forwarded-proto": "https"}})
    stranger = client.get("/no-such-page/", headers={{"host": "evil.example", "x-forwarded-proto": "https"}})
    print(json.dumps({{
        "plain": [plain.status_code, plain.get("Location")],
        "secure": [secure.status_code, secure.get("Strict-Transport-Security")],
        "stranger": stranger.status_code,
    }}))
    """
)


def test_behind_the_proxy_http_is_redirected_and_https_gets_hsts(tmp_path):
    assert served_in_production(tmp_path, PROXY_CLIENT) == {
        "plain": [301, f"https://{HOST}/no-such-page/"],
        "secure": [404, "max-age=31536000; includeSubDomains; preload"],
        "stranger": 400,
    }


def test_production_cookies_are_secure_and_static_files_are_versioned():
    env = production(DJANGO_SETTINGS_MODULE="timeline.settings")
    assert setting(env, "SESSION_COOKIE_SECURE") is True
    assert setting(env, "CSRF_COOKIE_SECURE") is True
    assert setting(env, "STORAGES")["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
