# syntax=docker/dockerfile:1
# CoCommissioning web app. Build:  docker build -t cocommissioning .
# Run with PostgreSQL:            docker compose up --build   (see docker-compose.yml)

# ---- build -----------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

# The whole repository (less what .dockerignore drops: tests, bin/obj, .git): global.json,
# Directory.Build.props, Directory.Packages.props and src/ all take part in the build.
COPY . .
RUN dotnet restore src/CoCommissioning.Web/CoCommissioning.Web.csproj
RUN dotnet publish src/CoCommissioning.Web/CoCommissioning.Web.csproj \
      -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ---------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# A writable place for the non-root user: App_Data for the SQLite default. The Data Protection key ring lives in
# the database (ADR-0014), so sign-ins survive container restarts and work on every instance without a volume.
RUN mkdir -p /app/App_Data \
 && chown -R app:app /app/App_Data

COPY --from=build /app .

# "app" (UID 1654) is the non-root user the .NET images ship; numeric so Kubernetes can verify it.
USER $APP_UID
# Production (the default, stated here so no one has to know it): no demo data unless Demo__Seed=true is set.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080

ENTRYPOINT ["dotnet", "CoCommissioning.Web.dll"]
