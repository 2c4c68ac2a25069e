"""Reference service: the Flask original's behaviour, run by gunicorn in the benchmark."""

from datetime import datetime, timezone

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/")
def index():
    """Answers the current UTC time and the caller's address, as the original service did."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    return jsonify(timestamp=now.replace("+00:00", "Z"), ip=request.remote_addr)


@app.get("/healthz")
def healthz():
    """Answers 200 so the harness can tell when the workers are ready."""
    return "", 200
