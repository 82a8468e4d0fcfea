/*
 * kafka-mock: a Kafka wire-protocol broker for tests and the dev stack, built on librdkafka's
 * mock cluster. Usage: kafka-mock [--brokers N] topic:partitions ...
 * Prints "BOOTSTRAP <servers>" once ready, then reads control lines on stdin:
 *   down <brokerId>   take a broker down (it keeps its port)
 *   up <brokerId>     bring it back
 * and answers each with "OK ..." or "ERR ...". Exits when stdin reaches EOF.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define METADATA_API_KEY 3

static void quiet_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
  (void)rk;
  if (level <= 3) fprintf(stderr, "kafka-mock: %s: %s\n", fac, buf);
}

static int parse_int(const char *text, int min, int max, int *out) {
  char *end = NULL;
  long value = strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < min || value > max) return -1;
  *out = (int)value;
  return 0;
}

int main(int argc, char **argv) {
  int brokers = 1, first_topic = 1;
  char errstr[512];

  if (argc > 2 && strcmp(argv[1], "--brokers") == 0) {
    if (parse_int(argv[2], 1, 16, &brokers) != 0) {
      fprintf(stderr, "kafka-mock: --brokers takes 1..16\n");
      return 2;
    }
    first_topic = 3;
  }

  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  rd_kafka_conf_set_log_cb(conf, quiet_log);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  if (!rk) {
    fprintf(stderr, "kafka-mock: rd_kafka_new: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, brokers);
  if (!cluster) {
    fprintf(stderr, "kafka-mock: could not create the mock cluster\n");
    rd_kafka_destroy(rk);
    return 1;
  }
  /* Metadata v0-6 only: the mock then does not auto-create unknown topics. */
  rd_kafka_mock_set_apiversion(cluster, METADATA_API_KEY, 0, 6);

  for (int i = first_topic; i < argc; i++) {
    char name[256];
    const char *colon = strrchr(argv[i], ':');
    int partitions = 0;
    size_t length = colon ? (size_t)(colon - argv[i]) : 0;
    if (!colon || length == 0 || length >= sizeof(name) || parse_int(colon + 1, 1, 1000, &partitions) != 0) {
      fprintf(stderr, "kafka-mock: expected topic:partitions, got %s\n", argv[i]);
      rd_kafka_mock_cluster_destroy(cluster);
      rd_kafka_destroy(rk);
      return 2;
    }
    memcpy(name, argv[i], length);
    name[length] = '\0';
    rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(cluster, name, partitions, brokers < 3 ? brokers : 3);
    if (err) {
      fprintf(stderr, "kafka-mock: topic %s: %s\n", name, rd_kafka_err2str(err));
      rd_kafka_mock_cluster_destroy(cluster);
      rd_kafka_destroy(rk);
      return 1;
    }
  }

  printf("BOOTSTRAP %s\n", rd_kafka_mock_cluster_bootstraps(cluster));
  fflush(stdout);

  char line[256];
  while (fgets(line, sizeof(line), stdin)) {
    char command[16];
    int broker = 0;
    rd_kafka_resp_err_t err;
    if (sscanf(line, "%15s %d", command, &broker) != 2) {
      if (line[0] != '\n') printf("ERR expected: down|up <brokerId>\n");
      fflush(stdout);
      continue;
    }
    if (strcmp(command, "down") == 0) {
      err = rd_kafka_mock_broker_set_down(cluster, broker);
    } else if (strcmp(command, "up") == 0) {
      err = rd_kafka_mock_broker_set_up(cluster, broker);
    } else {
      printf("ERR unknown command %s\n", command);
      fflush(stdout);
      continue;
    }
    if (err) printf("ERR %s %d: %s\n", command, broker, rd_kafka_err2str(err));
    else printf("OK %s %d\n", command, broker);
    fflush(stdout);
  }

  rd_kafka_mock_cluster_destroy(cluster);
  rd_kafka_destroy(rk);
  return 0;
}
