# The API alone; Neo4j comes from NEO4J_URI (docker-compose's neo4j service), so no Java here.
# A first stage compiles the TypeScript to dist/ and builds the explorer page (tsc and Vite are dev
# dependencies); the image keeps only their output and runs compiled JavaScript.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY schema ./schema
COPY seed ./seed
COPY --from=build /app/dist ./dist
COPY --from=build /app/explorer/dist ./explorer/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
