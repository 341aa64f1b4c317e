import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import {
  CaregiverList,
  CreateItemBody,
  IdParams,
  InstitutionParams,
  MenuQuery,
  ProviderItems,
  ProviderList,
  ProviderQuery,
  PutProviderItemsBody,
  ServiceItemList,
  ServiceItemView,
  UpdateItemBody,
} from './menu.schema.js';
import * as menu from './menu.service.js';
import {
  AssignBody,
  CancelBody,
  CreateOrderBody,
  MineList,
  MineQuery,
  OrderList,
  OrderListQuery,
  OrderView,
} from './orders.schema.js';
import * as orders from './orders.service.js';

const security = [{ session: [] }];

/** The door-to-door service menu, providers' items and caregivers, and service orders. */
export const homecareRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['homecare'];

  app.get(
    '/api/service-items',
    {
      schema: {
        tags,
        summary: 'The door-to-door service menu in force in a region',
        security,
        querystring: MenuQuery,
        response: { 200: ServiceItemList },
      },
    },
    async (req) => menu.listMenu(db, contextOf(req), req.query),
  );

  app.post(
    '/api/service-items',
    {
      schema: {
        tags,
        summary: "Add an item to a region's menu",
        security,
        body: CreateItemBody,
        response: { 201: ServiceItemView },
      },
    },
    async (req, reply) => reply.status(201).send(await menu.createItem(db, contextOf(req), req.body)),
  );

  app.patch(
    '/api/service-items/:id',
    {
      schema: {
        tags,
        summary: 'Change or retire a menu item',
        security,
        params: IdParams,
        body: UpdateItemBody,
        response: { 200: ServiceItemView },
      },
    },
    async (req) => menu.updateItem(db, contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/providers',
    {
      schema: {
        tags,
        summary: 'Elderly care providers (pickers), optionally those offering an item',
        security,
        querystring: ProviderQuery,
        response: { 200: ProviderList },
      },
    },
    async (req) => menu.listProviders(db, contextOf(req), req.query),
  );

  app.get(
    '/api/providers/:institutionId/items',
    {
      schema: {
        tags,
        summary: "A provider's items with menu and own prices",
        security,
        params: InstitutionParams,
        response: { 200: ProviderItems },
      },
    },
    async (req) => menu.providerItems(db, contextOf(req), req.params.institutionId),
  );

  app.put(
    '/api/providers/:institutionId/items',
    {
      schema: {
        tags,
        summary: 'Choose the items the provider offers (from the menu), with its own prices',
        security,
        params: InstitutionParams,
        body: PutProviderItemsBody,
        response: { 200: ProviderItems },
      },
    },
    async (req) => menu.putProviderItems(db, contextOf(req), req.params.institutionId, req.body),
  );

  app.get(
    '/api/providers/:institutionId/caregivers',
    {
      schema: {
        tags,
        summary: "The provider's active staff who may be sent on visits",
        security,
        params: InstitutionParams,
        response: { 200: CaregiverList },
      },
    },
    async (req) => menu.listCaregivers(db, contextOf(req), req.params.institutionId),
  );

  app.post(
    '/api/service-orders',
    {
      schema: {
        tags,
        summary: 'Order a door-to-door service for an older person',
        security,
        body: CreateOrderBody,
        response: { 201: OrderView },
      },
    },
    async (req, reply) => reply.status(201).send(await orders.createOrder(db, contextOf(req), req.body)),
  );

  app.get(
    '/api/service-orders',
    {
      schema: {
        tags,
        summary: 'Orders in scope (officials: region; providers: own; residents: their family)',
        security,
        querystring: OrderListQuery,
        response: { 200: OrderList },
      },
    },
    async (req) => orders.listOrders(db, contextOf(req), req.query),
  );

  app.get(
    '/api/service-orders/mine',
    {
      schema: {
        tags,
        summary: "The caregiver's orders of a day (default today) and any visit still open",
        security,
        querystring: MineQuery,
        response: { 200: MineList },
      },
    },
    async (req) => orders.myDay(db, contextOf(req), req.query.day),
  );

  app.post(
    '/api/service-orders/:id/assign',
    {
      schema: {
        tags,
        summary: "Assign one of the provider's active staff",
        security,
        params: IdParams,
        body: AssignBody,
        response: { 200: OrderView },
      },
    },
    async (req) => orders.assignOrder(db, contextOf(req), req.params.id, req.body.caregiverId),
  );

  app.post(
    '/api/service-orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order not yet started',
        security,
        params: IdParams,
        body: CancelBody,
        response: { 200: OrderView },
      },
    },
    async (req) => orders.cancelOrder(db, contextOf(req), req.params.id, req.body.reason ?? null),
  );
};
