# The API alone; Neo4j comes from NEO4J_URI (docker-compose's neo4j service), so no Java here.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
