/** Request ids: accepted or generated at the edge, echoed in responses, logs and error bodies. */
package dev.lectern.platform.request;
