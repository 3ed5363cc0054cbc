#!/usr/bin/env bash
# Measures what EventGovernance.Build adds to a build: a generated project with 50 JSON contracts and an
# embedded registry holding version 1 of each, built once cold (the first check of all 50 contracts) and
# then RUNS times as a no-op incremental build, with the package and, alternating, without it.
# Usage: bench/build-gate/run.sh [runs, default 10]
# Prints the cold build and the median no-op build of each, and the difference. Nothing here runs under dotnet test.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"

# Packed into its own folder, never with a version property (other builds may use the shared bin/).
dotnet pack src/EventGovernance.Build -c Release -o "$feed" -p:UseSharedCompilation=false >/dev/null
package="$(ls "$feed"/EventGovernance.Build.*.nupkg | head -1)"
version="$(basename "$package" .nupkg)"; version="${version#EventGovernance.Build.}"

make_project() { # dir, with-package (true|false)
  local dir="$1" with="$2"
  mkdir -p "$dir/contracts/registry/subjects"
  echo '{"compatibilityLevel":"BACKWARD"}' > "$dir/contracts/registry/config.json"
  for i in $(seq -w 1 50); do
    local schema="{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"n$i\":{\"type\":\"integer\"}},\"required\":[\"id\"]}"
    echo "$schema" > "$dir/contracts/event-$i.schema.json"
    mkdir -p "$dir/contracts/registry/subjects/event-$i/versions"
    echo "$schema" > "$dir/contracts/registry/subjects/event-$i/versions/1.json"
  done
  echo 'namespace Gate; public static class Marker { }' > "$dir/Marker.cs"
  local reference=""
  [ "$with" = true ] && reference="<ItemGroup><PackageReference Include=\"EventGovernance.Build\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"
  cat > "$dir/Gate.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  $reference
</Project>
XML
  cat > "$dir/NuGet.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$feed" /></packageSources></configuration>
XML
  echo '<Project />' > "$dir/Directory.Build.props"
  echo '<Project />' > "$dir/Directory.Build.targets"
  echo '<Project />' > "$dir/Directory.Packages.props"
}

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
build() { dotnet build "$1/Gate.csproj" -c Release --no-restore -nologo -v:q -p:UseSharedCompilation=false; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}'; }

make_project "$work/with" true
make_project "$work/without" false
dotnet restore "$work/with/Gate.csproj" >/dev/null
dotnet restore "$work/without/Gate.csproj" >/dev/null
cold_without=$(ms build "$work/without")
cold_with=$(ms build "$work/with")
with=(); without=()
for _ in $(seq 1 "$runs"); do
  without+=("$(ms build "$work/without")")
  with+=("$(ms build "$work/with")")
done
m_without=$(printf '%s\n' "${without[@]}" | median)
m_with=$(printf '%s\n' "${with[@]}" | median)
echo "== build gate, 50 contracts, EventGovernance.Build $version, $runs no-op builds each (ms) =="
echo "  cold build without the package      $cold_without"
echo "  cold build with it (checks all 50)  $cold_with   (+$((cold_with - cold_without)))"
echo "  no-op build without, median         $m_without   [${without[*]}]"
echo "  no-op build with, median            $m_with   [${with[*]}]"
echo "  added by the gate to a no-op build  $((m_with - m_without))   (target < 100)"

# The wall-time difference carries the spread of whole builds; MSBuild's own summary measures the gate's
# targets and tasks inside one no-op build, and the evaluation of each project, without that noise.
summary() { # dir: the evaluation, project, gate target and gate task lines of MSBuild's summary, section by section
  dotnet build "$1/Gate.csproj" -c Release --no-restore -nologo -v:q -p:UseSharedCompilation=false -clp:PerformanceSummary \
    | sed "s#$work/##" \
    | awk '/Performance Summary:/ {section=$0; sub(/^ */, "", section); next}
           /Gate.csproj|EventGovernance|_EventGovernance/ {line=$0; sub(/^ */, "", line); print "  " section " " line}'
}
echo "== inside one no-op build with the package (MSBuild performance summary) =="
summary "$work/with"
echo "== the same summary without it =="
summary "$work/without"
