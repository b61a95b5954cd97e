# dockerbench as an image: the `dockerbench` command on a slim Python base, non-root by default.
#
#   docker build -t dockerbench .
#   docker run --rm dockerbench controls 5.4
#
# Auditing the host it runs on takes the host's root, its PID namespace, the socket and root
# inside the container: see "Container mode" in README.md for the exact `docker run`.
#
# BASE is any glibc (>= 2.34) image with Python >= 3.10 and its venv module as `python3`. The
# tests build this same file FROM a Debian bookworm root filesystem made with debootstrap
# (tests/integration/_image.py). PIP_OPTIONS go to every pip call, e.g. an offline build from
# a wheelhouse in the build context:
#   --build-arg PIP_OPTIONS="--no-index --find-links /src/wheelhouse"
ARG BASE=python:3.11-slim

# Stage 1: build the project's wheel and install it, with its dependencies, into a venv.
FROM ${BASE} AS build
ARG PIP_OPTIONS=
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY . /src
# The engine binding published by an individual is installed first, by its pinned hash
# (.ci/pinned.txt, README "The embedded engine"); pip and setuptools leave the venv.
RUN python3 -m venv /opt/dockerbench \
    && /opt/dockerbench/bin/pip install $PIP_OPTIONS --require-hashes --no-deps -r /src/.ci/pinned.txt \
    && /opt/dockerbench/bin/pip wheel $PIP_OPTIONS --no-deps --wheel-dir /tmp/dist /src \
    && /opt/dockerbench/bin/pip install $PIP_OPTIONS /tmp/dist/dockerbench-*.whl \
    && /opt/dockerbench/bin/pip uninstall --yes --quiet pip setuptools

# Stage 2: the venv on a clean base; no build context, wheelhouse or pip in the image.
FROM ${BASE}
COPY --from=build /opt/dockerbench /opt/dockerbench
# A user of its own, and no setuid/setgid file left (CIS 4.1 and 4.8 on this image).
RUN useradd --uid 10001 --user-group --no-create-home --no-log-init --home-dir /nonexistent \
        --shell /usr/sbin/nologin dockerbench \
    && find / -xdev -type f -perm /6000 -exec chmod a-s {} + \
    && /opt/dockerbench/bin/dockerbench --version
ENV PATH=/opt/dockerbench/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# The label makes every container control leave the auditor's own container out.
LABEL dockerbench.auditor="true" \
      org.opencontainers.image.title="dockerbench" \
      org.opencontainers.image.description="Audit a Docker host against the CIS Docker CE Benchmark v1.1.0" \
      org.opencontainers.image.licenses="Apache-2.0"
# The audit is a one-shot job; the check tells whether its Python environment starts (CIS 4.6).
HEALTHCHECK --interval=5m --timeout=30s --start-period=30s CMD ["dockerbench", "--version"]
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["/opt/dockerbench/bin/dockerbench"]
CMD ["--help"]
