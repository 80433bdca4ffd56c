# Sourced by the scripts: finds a JDK >= 25 and (optionally) TornadoVM. Prints one clear line on failure.

# java_major <java-binary>: the feature release number, e.g. 25
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1
}

# pick_jdk: sets JAVA_HOME to a JDK >= 25 (JAVA_HOME first, then the usual install folders).
pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /opt/java/* /usr/lib/jvm/*)
  local c major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    major=$(java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: no JDK 25 or newer found (set JAVA_HOME to one; Temurin 25 is the tested JDK)" >&2
  return 1
}

# find_tornado: sets TORNADOVM_HOME when a TornadoVM SDK is installed (TORNADOVM_HOME, then /opt/tornadovm/sdk).
find_tornado() {
  local c
  for c in "${TORNADOVM_HOME:-}" /opt/tornadovm/sdk; do
    if [ -n "$c" ] && [ -x "$c/bin/tornado" ]; then
      export TORNADOVM_HOME="$c"
      return 0
    fi
  done
  return 1
}

# filter_jvm_notice: copies stdin to stdout line by line without the JVM's incubator-module notice. Lines are
# text even when they hold a NUL or other binary bytes (grep -a): a message must never become
# "binary file matches".
filter_jvm_notice() {
  grep -a --line-buffered -v '^WARNING: Using incubator modules: jdk.incubator.vector$'
}
