/*
 * kafka-mock: a local Kafka-protocol broker process for tests and the dev stack.
 *
 * Wraps librdkafka's mock cluster (librdkafka/rdkafka_mock.h): real brokers listening on random
 * 127.0.0.1 ports that speak the Kafka wire protocol, with data kept in memory only.
 *
 * Usage:   kafka-mock [--brokers N] [--topics name:partitions,name:partitions,...]
 * Build:   gcc -O2 -Wall -Wextra -o bin/kafka-mock kafka-mock.c -lrdkafka
 *
 * On start it prints exactly one line "BOOTSTRAP host:port,host:port,..." to stdout. It then reads
 * one command per line from stdin and answers each with one line, "OK ..." or "ERR <reason>":
 *
 *   create <topic> <partitions>           pre-create a topic (replication factor min(N,3))
 *   down <brokerId>                       broker stops answering (ids are 1..N, -1 = all)
 *   up <brokerId>                         broker accepts connections again
 *   errors <apiKey> <count> <code> [...]  the next <count> requests of <apiKey> fail with the given
 *                                         numeric rd_kafka_resp_err_t codes (one code = repeat it)
 *   ping                                  liveness check
 *   quit                                  stop the cluster and exit
 *
 * When stdin reaches EOF (the parent closed it or died) or on SIGTERM/SIGINT the cluster is
 * destroyed and the process exits 0, so no orphan broker outlives its parent.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_LINE 4096
#define MAX_ERRORS 256

static rd_kafka_mock_cluster_t *mc;
static int broker_count = 3;

/* Print one reply line and flush it; returns -1 when stdout is gone (the parent died). */
static int reply(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    return fflush(stdout) == 0 ? 0 : -1;
}

/* Parse a base-10 integer in [min, max]; returns 0 on success. */
static int parse_int(const char *s, long min, long max, long *out) {
    char *end;
    long v;
    if (!s || !*s)
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* Create one topic; an existing topic is not an error (reported as "exists"). */
static rd_kafka_resp_err_t create_topic(const char *name, int partitions) {
    int rf = broker_count < 3 ? broker_count : 3;
    return rd_kafka_mock_topic_create(mc, name, partitions, rf);
}

/* Handle one command line (modified in place). Returns 1 to quit, -1 if stdout broke, else 0. */
static int handle(char *line) {
    char *argv[MAX_ERRORS + 4];
    int argc = 0;
    char *save = NULL;
    long a, b;

    for (char *tok = strtok_r(line, " \t\r", &save); tok && argc < (int)(sizeof argv / sizeof *argv);
         tok = strtok_r(NULL, " \t\r", &save))
        argv[argc++] = tok;
    if (argc == 0)
        return 0; /* ignore blank lines */

    if (!strcmp(argv[0], "ping"))
        return reply("OK pong");
    if (!strcmp(argv[0], "quit")) {
        reply("OK bye");
        return 1;
    }
    if (!strcmp(argv[0], "create")) {
        rd_kafka_resp_err_t err;
        if (argc != 3 || parse_int(argv[2], 1, 100000, &a))
            return reply("ERR usage: create <topic> <partitions>");
        err = create_topic(argv[1], (int)a);
        if (err == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
            return reply("OK exists");
        if (err)
            return reply("ERR %s", rd_kafka_err2str(err));
        return reply("OK");
    }
    if (!strcmp(argv[0], "down") || !strcmp(argv[0], "up")) {
        rd_kafka_resp_err_t err;
        if (argc != 2 || parse_int(argv[1], -1, INT32_MAX, &a) || a == 0 || a > broker_count)
            return reply("ERR usage: %s <brokerId 1..%d or -1>", argv[0], broker_count);
        err = argv[0][0] == 'd' ? rd_kafka_mock_broker_set_down(mc, (int32_t)a)
                                : rd_kafka_mock_broker_set_up(mc, (int32_t)a);
        return err ? reply("ERR %s", rd_kafka_err2str(err)) : reply("OK");
    }
    if (!strcmp(argv[0], "errors")) {
        rd_kafka_resp_err_t codes[MAX_ERRORS];
        int ncodes = argc - 3;
        if (argc < 4 || parse_int(argv[1], 0, INT16_MAX, &a) || parse_int(argv[2], 1, MAX_ERRORS, &b) ||
            (ncodes != 1 && ncodes != b))
            return reply("ERR usage: errors <apiKey> <count 1..%d> <code> [code...] (1 or count codes)",
                         MAX_ERRORS);
        for (long i = 0; i < b; i++) {
            long code;
            if (parse_int(argv[3 + (ncodes == 1 ? 0 : i)], INT_MIN, INT_MAX, &code))
                return reply("ERR bad error code");
            codes[i] = (rd_kafka_resp_err_t)code;
        }
        rd_kafka_mock_push_request_errors_array(mc, (int16_t)a, (size_t)b, codes);
        return reply("OK");
    }
    return reply("ERR unknown command: %s", argv[0]);
}

/* Pre-create the topics of a "name:partitions,name:partitions" list. Returns 0 on success. */
static int create_initial_topics(char *list) {
    char *save = NULL;
    for (char *item = strtok_r(list, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *colon = strrchr(item, ':');
        long parts;
        rd_kafka_resp_err_t err;
        if (!colon || colon == item || parse_int(colon + 1, 1, 100000, &parts)) {
            fprintf(stderr, "kafka-mock: bad topic spec '%s' (want name:partitions)\n", item);
            return -1;
        }
        *colon = '\0';
        err = create_topic(item, (int)parts);
        if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
            fprintf(stderr, "kafka-mock: cannot create topic %s: %s\n", item, rd_kafka_err2str(err));
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    char *topics = NULL;
    char errstr[512];
    char buf[MAX_LINE];
    size_t len = 0;
    int skipping = 0; /* discarding the rest of an overlong line */
    sigset_t sigs;
    int sfd, status = 0;
    rd_kafka_t *rk;

    for (int i = 1; i < argc; i++) {
        long n;
        if (!strcmp(argv[i], "--brokers") && i + 1 < argc && !parse_int(argv[i + 1], 1, 64, &n)) {
            broker_count = (int)n;
            i++;
        } else if (!strcmp(argv[i], "--topics") && i + 1 < argc) {
            topics = argv[++i];
        } else {
            fprintf(stderr, "usage: %s [--brokers N(1..64)] [--topics name:partitions,...]\n", argv[0]);
            return 2;
        }
    }

    /* Block SIGTERM/SIGINT before librdkafka starts its threads (they inherit the mask), then
     * receive them through a signalfd polled next to stdin. A broken stdout must not kill us. */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    sfd = signalfd(-1, &sigs, SFD_CLOEXEC);
    if (sfd < 0) {
        perror("kafka-mock: signalfd");
        return 1;
    }

    rk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
    if (!rk) {
        fprintf(stderr, "kafka-mock: rd_kafka_new: %s\n", errstr);
        return 1;
    }
    mc = rd_kafka_mock_cluster_new(rk, broker_count);
    if (!mc) {
        fprintf(stderr, "kafka-mock: rd_kafka_mock_cluster_new failed\n");
        rd_kafka_destroy(rk);
        return 1;
    }
    if (topics && create_initial_topics(topics)) {
        status = 1;
        goto out;
    }
    if (reply("BOOTSTRAP %s", rd_kafka_mock_cluster_bootstraps(mc)))
        goto out;

    /* Command loop: poll stdin and the signalfd; split stdin into lines. */
    for (;;) {
        struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = sfd, .events = POLLIN}};
        ssize_t n;
        char *nl;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            perror("kafka-mock: poll");
            status = 1;
            break;
        }
        if (fds[1].revents)
            break; /* SIGTERM or SIGINT */
        if (!fds[0].revents)
            continue;
        n = read(STDIN_FILENO, buf + len, sizeof buf - 1 - len);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            break; /* EOF or error: the parent is gone */
        len += (size_t)n;
        buf[len] = '\0';
        while ((nl = memchr(buf, '\n', len))) {
            size_t used = (size_t)(nl - buf) + 1;
            int rc;
            *nl = '\0';
            rc = skipping ? 0 : handle(buf);
            skipping = 0;
            memmove(buf, buf + used, len - used);
            len -= used;
            buf[len] = '\0';
            if (rc)
                goto out;
        }
        if (len == sizeof buf - 1) { /* overlong line: reject it once, drop it up to its newline */
            len = 0;
            if (!skipping && reply("ERR line too long"))
                break;
            skipping = 1;
        }
    }

out:
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(rk);
    close(sfd);
    return status;
}
