# The dashboard for a server in China, where Streamlit Community Cloud may be out of reach.
# Build: docker build -t zhundong-dashboard .   Run: docker run -p 8501:8501 zhundong-dashboard
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    ZHUNDONG_HOSTED=1

RUN useradd --create-home --uid 10001 dashboard
WORKDIR /app

# Dependencies first, so that a change of code does not reinstall them.
COPY requirements.txt pyproject.toml README.md ./
COPY data_prep ./data_prep
COPY dashboard ./dashboard
RUN pip install -r requirements.txt

COPY seeds ./seeds
COPY .streamlit ./.streamlit
# The tables are built into the image: the container never writes into /app at run time.
RUN python -m data_prep build && python -m data_prep check && chown -R root:root /app

USER dashboard
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"
CMD ["streamlit", "run", "dashboard/Home.py", "--server.address=0.0.0.0", "--server.port=8501"]
