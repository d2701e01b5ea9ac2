import { ErrorCode } from '../../../platform/errors/domain-error';
import { errorReasons } from '../../../platform/errors/error-reasons';

/** Registered operations' reasons (接口注册); docs/error-reasons.md lists them. */
export const OPERATION_REASONS = {
  INVALID_OPERATION: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '接口文档不符合要求（须恰好一个具名查询，且符合当前接口架构和查询限制）',
    en: 'The document to register is not exactly one named query valid against the current schema and within the gateway limits; the message says which.',
  },
  OUTSIDE_GRANTS: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '接口读取了超出授权范围的数据项',
    en: 'The operation reads catalogue items not granted to the client; the message names the first, `extensions.coordinates` lists all. Request access to them first.',
  },
  OPERATION_NOT_FOUND: {
    code: ErrorCode.NOT_FOUND,
    zh: '没有该名称（或版本）的在用注册接口',
    en: 'No version in force of the named registered operation (or of the version given) for the client.',
  },
  SCHEMA_NOT_LOADED: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    zh: '网关尚未加载接口架构，请稍后重试',
    en: 'The gateway has not loaded its API schema yet; nothing was registered. Try again shortly.',
  },
} as const;

export const OPERATION_ERRORS = errorReasons(OPERATION_REASONS);
