import { datasetNames, datasets } from "@kpi/catalogue";
import { datasetListSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "./error-responses.js";

/**
 * `GET /v1/datasets` (role `read`): every dataset of the data contract with its key and fields,
 * generated from the same schemas that validate records.
 *
 * @example
 * ```ts
 * await app.register(datasetRoutes);
 * ```
 */
export const datasetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/v1/datasets",
    {
      config: { access: "read" },
      schema: {
        tags: ["records"],
        summary: "List the datasets and their fields",
        response: { 200: datasetListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({
      datasets: datasetNames.map((name) => {
        const d = datasets[name];
        return {
          name: d.name,
          title: d.title,
          description: d.description,
          key: [...d.key],
          person_fields: [...d.personFields],
          date_fields: [...d.dateFields],
          fields: d.fields.map((f) => ({
            name: f.name,
            type: f.type,
            required: f.required,
            description: f.description,
            ...(f.codes === undefined
              ? {}
              : { codes: f.codes.map((c) => ({ code: c.code, label: c.label })) }),
          })),
        };
      }),
    }),
  );
};
