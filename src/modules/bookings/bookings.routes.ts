import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import { idempotencyKeyOf } from '../idempotency/idempotency.service.js';
import * as queries from './bookings.queries.js';
import {
  BookingBody,
  BookingView,
  BookResponse,
  CancelBody,
  ChangeBody,
  IdParams,
  InstitutionBookingsQuery,
  MineView,
  WaitlistQuery,
  WaitlistView,
} from './bookings.schema.js';
import * as service from './bookings.service.js';
import {
  CalendarQuery,
  CalendarView,
  OfferList,
  OffersQuery,
  OfferView,
  PatchOfferBody,
  PublishOffersBody,
  PublishOffersResult,
} from './offers.schema.js';
import * as offers from './offers.service.js';

/** Places, bookings and waitlists (docs/API.md "Places and bookings"). */
export const bookingsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['bookings'];

  app.post(
    '/api/institutions/:id/offers',
    {
      schema: {
        tags,
        summary: 'Publish places per care day (and slot)',
        params: IdParams,
        body: PublishOffersBody,
        response: { 200: PublishOffersResult },
      },
    },
    async (req) => offers.publishOffers(db, contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/institutions/:id/offers',
    {
      schema: {
        tags,
        summary: "The institution's places",
        params: IdParams,
        querystring: OffersQuery,
        response: { 200: OfferList },
      },
    },
    async (req) => offers.listInstitutionOffers(db, contextOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/public/institutions/:id/offers',
    {
      schema: {
        tags,
        summary: 'Open places of a filed institution, with prices and subsidies',
        params: IdParams,
        querystring: OffersQuery,
        response: { 200: OfferList },
      },
    },
    async (req) => offers.listPublicOffers(db, contextOf(req), req.params.id, req.query),
  );
  app.patch(
    '/api/offers/:id',
    {
      schema: {
        tags,
        summary: 'Change or close an offer',
        params: IdParams,
        body: PatchOfferBody,
        response: { 200: OfferView },
      },
    },
    async (req) => offers.patchOffer(db, contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/institutions/:id/calendar',
    {
      schema: {
        tags,
        summary: 'Calendar of places per day and class',
        params: IdParams,
        querystring: CalendarQuery,
        response: { 200: CalendarView },
      },
    },
    async (req) => queries.calendar(db, contextOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/bookings',
    {
      schema: {
        tags,
        summary: 'Book places (or join the waitlist); Idempotency-Key honoured',
        body: BookingBody,
        response: { 201: BookResponse, 202: BookResponse },
      },
    },
    async (req, reply) => {
      const key = idempotencyKeyOf(req.headers);
      const result = await service.book(db, contextOf(req), req.body, key);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status as 201 | 202).send(result.body);
    },
  );
  app.get(
    '/api/bookings/mine',
    { schema: { tags, summary: 'My bookings and waitlist places', response: { 200: MineView } } },
    async (req) => queries.mine(db, contextOf(req)),
  );
  app.post(
    '/api/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a booking',
        params: IdParams,
        body: CancelBody,
        response: { 200: BookingView },
      },
    },
    async (req) => service.cancel(db, contextOf(req), req.params.id, req.body ?? {}),
  );
  app.post(
    '/api/bookings/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a place held from the waitlist',
        params: IdParams,
        response: { 200: BookingView },
      },
    },
    async (req) => service.cancel(db, contextOf(req), req.params.id, {}, 'decline'),
  );
  app.post(
    '/api/bookings/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a place held from the waitlist',
        params: IdParams,
        response: { 200: BookingView },
      },
    },
    async (req) => service.confirm(db, contextOf(req), req.params.id),
  );
  app.post(
    '/api/bookings/:id/change',
    {
      schema: {
        tags,
        summary: 'Change a booking in one transaction',
        params: IdParams,
        body: ChangeBody,
        response: { 200: BookingView },
      },
    },
    async (req) => service.change(db, contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/waitlist/:id',
    { schema: { tags, summary: 'Leave the waitlist', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.withdraw(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/institutions/:id/bookings',
    {
      schema: {
        tags,
        summary: "The institution's bookings (audited)",
        params: IdParams,
        querystring: InstitutionBookingsQuery,
        response: { 200: z.object({ items: z.array(BookingView) }) },
      },
    },
    async (req) => queries.institutionBookings(db, contextOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/institutions/:id/waitlist',
    {
      schema: {
        tags,
        summary: "The institution's waitlist (audited)",
        params: IdParams,
        querystring: WaitlistQuery,
        response: { 200: z.object({ items: z.array(WaitlistView) }) },
      },
    },
    async (req) => queries.institutionWaitlist(db, contextOf(req), req.params.id, req.query),
  );
};
