{{- define "lectern.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lectern.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "lectern.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "lectern.claimName" -}}
{{- if .claim.existingClaim -}}
{{ .claim.existingClaim }}
{{- else -}}
{{ include "lectern.fullname" .root }}-{{ .name }}
{{- end -}}
{{- end -}}

{{/* The address clients reach Lectern at: publicUrl, or the ingress's own address. */}}
{{- define "lectern.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{ .Values.publicUrl }}
{{- else if .Values.ingress.enabled -}}
{{ ternary "https" "http" .Values.ingress.tls }}://{{ .Values.ingress.hostname }}
{{- else -}}
{{ required "publicUrl: the address clients reach Lectern at (or enable the ingress)" .Values.publicUrl }}
{{- end -}}
{{- end -}}

{{- define "lectern.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{ default (include "lectern.fullname" .) .Values.serviceAccount.name }}
{{- else -}}
{{ default "default" .Values.serviceAccount.name }}
{{- end -}}
{{- end -}}

{{/* The Secret every secret setting comes from: the operator's own, or the chart's. */}}
{{- define "lectern.secretName" -}}
{{- default (printf "%s-secrets" (include "lectern.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/*
The keys of that Secret passed to the pod, one per line. Without an existingSecret the chart makes
the Secret, and refuses to render without the master key and the backup keys: it never generates
them, since a new value on an upgrade would lock every user out and make every backup unreadable.
*/}}
{{- define "lectern.secretKeys" -}}
{{- $required := list "LECTERN_MASTER_KEY" "BACKUP_ENCRYPTION_KEYS" -}}
{{- if .Values.secrets.existingSecret -}}
{{- range $required -}}
{{- if not (has . $.Values.secrets.keys) -}}
{{- fail (printf "secrets.keys must list %s: Lectern cannot run without it and the chart never generates it" .) -}}
{{- end -}}
{{- end -}}
{{- range .Values.secrets.keys }}
{{ . }}
{{- end -}}
{{- else -}}
{{- range $required -}}
{{- if not (index $.Values.secrets.values .) -}}
{{- fail (printf "secrets.values.%s or secrets.existingSecret is required: the chart never generates it (a new one on an upgrade locks every user out and makes old backups unreadable)" .) -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := .Values.secrets.values }}
{{- if $value }}
{{ $key }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Requests and limits: resources when given, else the preset's. No CPU limit (see values). */}}
{{- define "lectern.resources" -}}
{{- if .Values.resources -}}
{{ toYaml .Values.resources }}
{{- else -}}
{{- $presets := dict
  "small" (dict "requests" (dict "cpu" "250m" "memory" "768Mi") "limits" (dict "memory" "1Gi"))
  "medium" (dict "requests" (dict "cpu" "500m" "memory" "1Gi") "limits" (dict "memory" "2Gi"))
  "large" (dict "requests" (dict "cpu" "1" "memory" "2Gi") "limits" (dict "memory" "4Gi")) -}}
{{- with index $presets .Values.resourcesPreset -}}
{{ toYaml . }}
{{- else -}}
{}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A NetworkPolicy peer from a namespace and a pod selector; an empty selector is left out. */}}
{{- define "lectern.networkPeer" -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end -}}
{{ toYaml $peer }}
{{- end -}}
