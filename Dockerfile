# The API alone; Neo4j comes from NEO4J_URI (docker-compose's neo4j service), so no Java here.
# A first stage builds the explorer page (Vite is a dev dependency); the image keeps only its output.
FROM node:20-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY explorer ./explorer
RUN npm run build:explorer

FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY . .
COPY --from=explorer /app/explorer/dist ./explorer/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
