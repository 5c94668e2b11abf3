# One image recipe for every service: docker build --build-arg MODULE=practice-service .
# Build the jars first (bin/platform or ./mvnw -DskipTests package).
FROM eclipse-temurin:21-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
RUN useradd --system --uid 10001 app
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
