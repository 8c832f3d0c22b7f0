"""/readyz for load balancers and orchestrators, /metrics for Prometheus."""

from flask import jsonify

from . import bp, metrics, readiness


@bp.get("/readyz")
def readyz():
    """200 when every part answers; 503 naming the parts that do not."""
    checks = readiness.report()
    failing = sorted(name for name, state in checks.items() if state != "ok")
    if failing:
        return jsonify(status="unavailable", failing=failing, checks=checks), 503
    return jsonify(status="ready", checks=checks)


@bp.get("/metrics")
def prometheus():
    return metrics.exposition()
