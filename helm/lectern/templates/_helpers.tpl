{{- define "lectern.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lectern.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
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
