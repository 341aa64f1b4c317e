import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import {
  AttendanceDayView,
  AttendanceQuery,
  AttendanceRecordView,
  CheckInBody,
  CheckOutBody,
  HealthCheckBody,
  InstitutionParams,
  PresenceInBody,
  PresenceOutBody,
  PresenceView,
  PutRosterBody,
  RoomBoardView,
  RosterClassView,
  RosterDayView,
  RosterQuery,
} from './attendance.schema.js';
import * as attendance from './attendance.service.js';
import { recordHealthCheck } from './health-checks.service.js';
import * as presence from './presence.service.js';
import { roomBoard } from './room-board.service.js';
import * as rosters from './rosters.service.js';

/** Rosters, children's attendance with 晨午检, carers' presence and the live room board (attendance.manage). */
export const attendanceRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['attendance'];

  app.get(
    '/api/institutions/:id/rosters',
    {
      schema: {
        tags,
        summary: "Each class's carers rostered on a day, per half hour against children booked",
        params: InstitutionParams,
        querystring: RosterQuery,
        response: { 200: RosterDayView },
      },
    },
    async (req) => rosters.getRosters(db, contextOf(req), req.params.id, req.query),
  );

  app.put(
    '/api/institutions/:id/rosters',
    {
      schema: {
        tags,
        summary: "Replace a class-day's roster (the booking engine counts these carers)",
        params: InstitutionParams,
        body: PutRosterBody,
        response: { 200: RosterClassView },
      },
    },
    async (req) => rosters.putRoster(db, contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/institutions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Children expected on a day (bookings) with their attendance records (audited)',
        params: InstitutionParams,
        querystring: AttendanceQuery,
        response: { 200: AttendanceDayView },
      },
    },
    async (req) => attendance.listAttendance(db, contextOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/attendance/check-in',
    {
      schema: {
        tags,
        summary: 'Check a booked child in, dropped off by an authorised family member',
        body: CheckInBody,
        response: { 201: AttendanceRecordView },
      },
    },
    async (req, reply) => reply.status(201).send(await attendance.checkIn(db, contextOf(req), req.body)),
  );

  app.post(
    '/api/attendance/check-out',
    {
      schema: {
        tags,
        summary: 'Check a child out, picked up by an authorised family member',
        body: CheckOutBody,
        response: { 200: AttendanceRecordView },
      },
    },
    async (req) => attendance.checkOut(db, contextOf(req), req.body),
  );

  app.post(
    '/api/attendance/health-check',
    {
      schema: {
        tags,
        summary: 'Record the morning or midday check; abnormal findings are told to the family',
        body: HealthCheckBody,
        response: { 200: AttendanceRecordView },
      },
    },
    async (req) => recordHealthCheck(db, contextOf(req), req.body),
  );

  app.post(
    '/api/staff-presence/in',
    {
      schema: {
        tags,
        summary: 'A carer signs in to a room',
        body: PresenceInBody,
        response: { 201: PresenceView },
      },
    },
    async (req, reply) => reply.status(201).send(await presence.signIn(db, contextOf(req), req.body)),
  );

  app.post(
    '/api/staff-presence/out',
    {
      schema: {
        tags,
        summary: 'A carer signs out of their room',
        body: PresenceOutBody,
        response: { 200: PresenceView },
      },
    },
    async (req) => presence.signOut(db, contextOf(req), req.body),
  );

  app.get(
    '/api/institutions/:id/room-board',
    {
      schema: {
        tags,
        summary: 'Each room now: children and carers present, carers required, rules broken (audited)',
        params: InstitutionParams,
        response: { 200: RoomBoardView },
      },
    },
    async (req) => roomBoard(db, contextOf(req), req.params.id),
  );
};
