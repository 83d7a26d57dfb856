# The dashboard for a server in China, where Streamlit Community Cloud may be out of reach: the same
# front as `make prod` (deploy/front.py starts supervisord, which keeps nginx and the Streamlit
# processes up and restarts any that dies or stops answering), on port 8080.
# Build: docker build -t zhundong-dashboard .   Run: docker run -p 8080:8080 zhundong-dashboard
# More Streamlit processes for many viewers: docker run -e WORKERS=3 -p 8080:8080 zhundong-dashboard
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    ZHUNDONG_HOSTED=1 \
    WORKERS=2

RUN apt-get update && apt-get install -y --no-install-recommends nginx fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 dashboard
WORKDIR /app

# Dependencies first, so that a change of code does not reinstall them.
COPY requirements.txt pyproject.toml README.md ./
COPY data_prep ./data_prep
COPY dashboard ./dashboard
COPY deploy/requirements.txt ./deploy/requirements.txt
RUN pip install -r requirements.txt -r deploy/requirements.txt

COPY seeds ./seeds
COPY .streamlit ./.streamlit
COPY deploy ./deploy
# The tables are built into the image, and Streamlit's bundles gzipped into build/front/www: the
# container never writes into /app at run time except the front's run folder (configs, logs, pid
# files, nginx's temp files) under build/front/run.
RUN python -m data_prep build && python -m data_prep check \
    && python deploy/front.py --static-only \
    && chown -R root:root /app && install -d -o dashboard /app/build/front/run

USER dashboard
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/_stcore/health', timeout=4).status != 200)"
CMD ["python", "deploy/front.py", "--port", "8080", "--run", "/app/build/front/run"]
