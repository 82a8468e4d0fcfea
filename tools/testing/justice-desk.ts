import request from 'supertest';

/**
 * The structure a Hưng Yên desk officer (hy.desk) works in, for end-to-end tests that create
 * their own procedures: the province, its justice department and counter H33-TTPVHCC-Q01,
 * which receives birth registration (1.001193) for the whole province.
 */
export async function putJusticeDesk(api: ReturnType<typeof request>, adminBearer: string): Promise<number[]> {
  const put = (path: string, body: object) => api.put(path).set('Authorization', adminBearer).set('X-Tenant-Id', 'hung-yen').send(body);
  return [
    (await put('/v1/units/33', { name: 'Tỉnh Hưng Yên', level: 'province', validFrom: '1997-01-01' })).status,
    (await put('/v1/agencies/000.00.17.H33', { name: 'Sở Tư pháp tỉnh Hưng Yên', kind: 'department', unitCode: '33', validFrom: '2008-01-01' })).status,
    (await put('/v1/desks/H33-TTPVHCC-Q01', { name: 'Quầy 01', agencyId: '000.00.17.H33', unitCodes: ['33'], procedureCodes: ['1.001193'] })).status,
  ];
}
