/** Runtime settings that belong to no single capability: build identity, mode, CORS, proxies. */
package dev.lectern.platform.config;
