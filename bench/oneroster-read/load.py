#!/usr/bin/env python3
"""Pages through a OneRoster collection with N concurrent keep-alive clients and prints the
throughput and latency percentiles as JSON. Standard library only; loopback only.

  load.py --url 'http://127.0.0.1:9080/ims/...users?limit=100&offset={offset}' --pages 1000 \
          --clients 8 --token TOKEN
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()

    latencies = []
    failures = []
    lock = threading.Lock()

    def client(worker):
        parsed = urllib.parse.urlsplit(args.url.format(offset=0))
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        headers = {"Authorization": "Bearer " + args.token}
        mine = []
        for page in range(worker, args.pages, args.clients):
            target = urllib.parse.urlsplit(args.url.format(offset=page * args.page_size))
            path = target.path + "?" + target.query
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200 or not body.startswith(b"{"):
                with lock:
                    failures.append(response.status)
            mine.append(elapsed)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(w,)) for w in range(args.clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(json.dumps({
        "pages": len(latencies),
        "failures": len(failures),
        "seconds": round(seconds, 3),
        "pages_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(p99 * 1000, 1),
    }))


if __name__ == "__main__":
    main()
