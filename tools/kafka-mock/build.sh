#!/usr/bin/env bash
# Builds tools/kafka-mock/bin/kafka-mock from kafka-mock.c (needs librdkafka-dev), only when
# the source is newer than the binary.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p bin
if [ ! -x bin/kafka-mock ] || [ kafka-mock.c -nt bin/kafka-mock ]; then
  gcc -O2 -Wall -Wextra -Werror -std=c11 -o bin/kafka-mock.tmp kafka-mock.c -lrdkafka
  mv bin/kafka-mock.tmp bin/kafka-mock
  echo "built tools/kafka-mock/bin/kafka-mock"
fi
