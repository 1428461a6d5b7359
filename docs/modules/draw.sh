#!/usr/bin/env bash
# Draws the module diagram again after a change of modules: Spring Modulith's Documenter writes
# components.puml from the code (ModularityTests), PlantUML (MIT build, from Maven Central; its own
# layout engine, no Graphviz needed) renders it as components.svg.
set -euo pipefail
cd "$(dirname "$0")/../.."
plantuml=net.sourceforge.plantuml:plantuml-mit:1.2026.10
./mvnw -B -q test -Dtest=ModularityTests -Dmodules.write=true -Dsurefire.failIfNoSpecifiedTests=false
./mvnw -B -q dependency:get -Dartifact=$plantuml
jar=~/.m2/repository/net/sourceforge/plantuml/plantuml-mit/1.2026.10/plantuml-mit-1.2026.10.jar
sed 's/^@startuml$/@startuml\n!pragma layout smetana/' docs/modules/components.puml \
  | java -Djava.awt.headless=true -jar "$jar" -tsvg -pipe > docs/modules/components.svg
echo "docs/modules/components.svg drawn"
