# shellcheck shell=bash
# Fetches the sentence-embedding model learn-api runs in process (quantised all-MiniLM-L6-v2
# and its tokenizer) with Maven, checks it against the checksums in dev/models, and keeps it
# outside git. Source it from bash; returns non-zero with a message instead of exiting, so it
# also works under run_phase (dev/lib/phases.sh).

EMBEDDING_MODEL_DEV_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# learn-api's EMBEDDING_MODEL_DIR defaults to this folder.
EMBEDDING_MODEL_DEFAULT_DIR=$EMBEDDING_MODEL_DEV_DIR/.cache/models/all-minilm-l6-v2-q

embedding_model_verified() {
  local dir=$1
  [[ -f $dir/all-minilm-l6-v2-q.onnx && -f $dir/all-minilm-l6-v2-q-tokenizer.json ]] \
    && (cd "$dir" && sha256sum --quiet --check "$EMBEDDING_MODEL_DEV_DIR/models/all-minilm-l6-v2-q.sha256" > /dev/null 2>&1)
}

# Maven (and the Java it runs on) from Debian's packages, as root; otherwise says what to do.
ensure_maven() {
  command -v mvn > /dev/null && return 0
  if [[ $EUID != 0 ]]; then
    echo "Maven is needed to fetch the embedding model: install it as root (apt-get install maven)" >&2
    return 1
  fi
  echo "installing maven"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends maven
}

# Usage: ensure_embedding_model [folder]   (default: dev/.cache/models/all-minilm-l6-v2-q)
# A quick checksum check when the model is already there.
ensure_embedding_model() {
  local dir=${1:-$EMBEDDING_MODEL_DEFAULT_DIR}
  if embedding_model_verified "$dir"; then
    echo "embedding model present ($dir)"
    return 0
  fi
  ensure_maven || return 1
  echo "fetching the embedding model into $dir"
  # Unpacked beside the target and moved into place only once verified, so an interrupted
  # or corrupt download never looks like a model.
  local incoming=$dir.incoming
  rm -rf "$incoming"
  mkdir -p "$(dirname "$dir")"
  local output
  if ! output=$(mvn -q -B -f "$EMBEDDING_MODEL_DEV_DIR/models/pom.xml" package \
    "-Dmodel.dir=$incoming" 2>&1); then
    rm -rf "$incoming"
    printf '%s\nMaven could not fetch the embedding model (its output is above)\n' "$output" >&2
    return 1
  fi
  if ! embedding_model_verified "$incoming"; then
    rm -rf "$incoming"
    echo "the fetched embedding model does not match dev/models/all-minilm-l6-v2-q.sha256" >&2
    return 1
  fi
  rm -rf "$dir"
  mv "$incoming" "$dir"
  echo "embedding model ready ($dir)"
}
