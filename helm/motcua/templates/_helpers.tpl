{{/* Names ------------------------------------------------------------------------------------ */}}

{{- define "motcua.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "motcua.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: (dict "root" $ "name" "intake") */}}
{{- define "motcua.componentName" -}}
{{- printf "%s-%s" (include "motcua.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "motcua.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "motcua.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Labels ----------------------------------------------------------------------------------- */}}

{{- define "motcua.selectorLabels" -}}
app.kubernetes.io/name: {{ include "motcua.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "motcua.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "motcua.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: motcua
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* (dict "root" $ "name" "intake") */}}
{{- define "motcua.componentSelectorLabels" -}}
{{ include "motcua.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "motcua.componentLabels" -}}
{{ include "motcua.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Settings --------------------------------------------------------------------------------- */}}

{{/*
One service's settings: serviceDefaults, with each key the service sets replacing the default key
as a whole (a shallow merge, so `false` and `0` override too, unlike sprig's merge).
Usage: $svc := include "motcua.serviceValues" (dict "root" $ "name" $name) | fromYaml
*/}}
{{- define "motcua.serviceValues" -}}
{{- $out := dict -}}
{{- range $key, $value := .root.Values.serviceDefaults -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- range $key, $value := (index .root.Values.services .name) -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{- define "motcua.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag | toString -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag must pin a version, not latest" -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The shutdown budget: the kubelet must not kill a pod that is still draining. */}}
{{- define "motcua.checkShutdown" -}}
{{- $s := .Values.shutdown -}}
{{- $needed := add (mul (int $s.preStopSleepSeconds) 1000) (int $s.graceMs) -}}
{{- if le (mul (int $s.terminationGracePeriodSeconds) 1000) $needed -}}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%v s) must exceed preStopSleepSeconds + graceMs (%v ms)" $s.terminationGracePeriodSeconds $needed) -}}
{{- end -}}
{{- end -}}

{{/* Without Redis the gateway keeps rate limits and idempotency keys in memory: one replica only. */}}
{{- define "motcua.checkGatewayReplicas" -}}
{{- if and .Values.services.gateway.enabled (not .Values.gateway.redis.enabled) -}}
{{- $gw := include "motcua.serviceValues" (dict "root" . "name" "gateway") | fromYaml -}}
{{- if or $gw.autoscaling.enabled (gt (int $gw.replicas) 1) -}}
{{- fail "the gateway keeps rate limits and idempotency keys in memory unless gateway.redis.enabled: run one replica (services.gateway.replicas: 1, no autoscaling) or enable Redis" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "motcua.podSecurityContext" -}}
{{ toYaml .Values.podSecurityContext }}
{{- end -}}

{{- define "motcua.containerSecurityContext" -}}
{{ toYaml .Values.containerSecurityContext }}
{{- end -}}

{{/* An env value as a string: whole numbers without the float notation YAML numbers get in Helm. */}}
{{- define "motcua.envString" -}}
{{- if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* The common ConfigMap's data (YAML). */}}
{{- define "motcua.commonConfigData" -}}
{{- $root := . -}}
{{- $data := dict
  "LOG_LEVEL" .Values.logLevel
  "NODE_OPTIONS" .Values.nodeOptions
  "HTTP_HOST" "0.0.0.0"
  "HTTP_PORT" (.Values.ports.http | int64 | toString)
  "SHUTDOWN_GRACE_MS" (.Values.shutdown.graceMs | int64 | toString)
  "KAFKA_BROKERS" .Values.kafka.brokers
  "KAFKA_IDEMPOTENT_PRODUCER" (.Values.kafka.idempotentProducer | toString)
  "DATABASE_POOL_SIZE" (.Values.database.poolSize | int64 | toString)
-}}
{{- range $name, $cfg := .Values.services -}}
{{- if and $cfg.enabled $cfg.grpc -}}
{{- $_ := set $data (printf "%s_GRPC_URL" (upper $name)) (printf "%s:%d" (include "motcua.componentName" (dict "root" $root "name" $name)) ($root.Values.ports.grpc | int64)) -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := .Values.extraEnv -}}
{{- $_ := set $data $key (include "motcua.envString" $value) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}

{{/* One service's ConfigMap data (YAML): (dict "root" $ "name" "gateway") */}}
{{- define "motcua.serviceConfigData" -}}
{{- $root := .root -}}
{{- $svc := include "motcua.serviceValues" . | fromYaml -}}
{{- $data := dict -}}
{{- if $svc.grpc -}}
{{- $_ := set $data "GRPC_URL" (printf "0.0.0.0:%d" ($root.Values.ports.grpc | int64)) -}}
{{- end -}}
{{- if eq .name "gateway" -}}
{{- $gw := $root.Values.gateway -}}
{{- $_ := set $data "AUTH_ISSUERS" ($gw.authIssuers | toJson) -}}
{{- $_ := set $data "TENANT_HOSTS" ($gw.tenantHosts | toJson) -}}
{{- $_ := set $data "BODY_LIMIT_BYTES" ($gw.bodyLimitBytes | int64 | toString) -}}
{{- $_ := set $data "GRPC_DEADLINE_MS" ($gw.grpcDeadlineMs | int64 | toString) -}}
{{- $_ := set $data "TENANT_CACHE_TTL_MS" ($gw.tenantCacheTtlMs | int64 | toString) -}}
{{- $_ := set $data "CORS_ORIGINS" ($gw.corsOrigins | toJson) -}}
{{- $_ := set $data "TRUST_PROXY" ($gw.trustProxy | toString) -}}
{{- end -}}
{{- range $key, $value := $svc.env -}}
{{- $_ := set $data $key (include "motcua.envString" $value) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}
